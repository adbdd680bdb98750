import { ExtensionModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('requestExtension', (t) => {
  test('ok: a pending request does not move the deadline yet', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 2, reason: '需要等财政预算批复' }));
    expect(await ExtensionModel.findOne({ where: { suggestionId: id } })).toMatchObject({ state: 'pending', fromDueOn: '2026-06-02', toDueOn: '2026-08-03' });
    expect((await SuggestionModel.findByPk(id))!.answerDueOn).toBe('2026-06-02');
  });
  test('invalid: months out of range, beyond six months in all', async () => {
    const id = await suggestionAt(t().core, 'handling');
    expect(await act(t().core, 'staff-housing', id, 'request-extension', { months: 4, reason: 'x' })).toMatchObject({ kind: 'invalid' });
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 2, reason: 'x' }));
    must(await act(t().core, 'office', id, 'decide-extension', { approve: true }));
    const r = await act(t().core, 'staff-housing', id, 'request-extension', { months: 2, reason: 'x' });
    expect(r).toMatchObject({ kind: 'invalid' });
    if (!r.ok) expect(r.message).toContain('1 个月');
  });
  test('forbidden: co-handlers do not ask for extensions', async () => {
    expect(await act(t().core, 'staff-finance', await suggestionAt(t().core, 'handling'), 'request-extension', { months: 1, reason: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: one pending request at a time; not before signing', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 1, reason: 'x' }));
    expect(await act(t().core, 'staff-housing', id, 'request-extension', { months: 1, reason: 'x' })).toMatchObject({ kind: 'conflict' });
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'request-extension', { months: 1, reason: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
