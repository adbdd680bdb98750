import { ExtensionModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('decideExtension', (t) => {
  test('ok: approval moves the answer deadline; refusal keeps it', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 3, reason: '跨年度预算' }));
    must(await act(t().core, 'office', id, 'decide-extension', { approve: true, note: '同意' }));
    expect((await SuggestionModel.findByPk(id))!.answerDueOn).toBe('2026-09-02');
    const other = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', other, 'request-extension', { months: 1, reason: 'x' }));
    must(await act(t().core, 'office', other, 'decide-extension', { approve: false }));
    expect((await SuggestionModel.findByPk(other))!.answerDueOn).toBe('2026-06-02');
    expect((await ExtensionModel.findOne({ where: { suggestionId: other } }))!.state).toBe('refused');
  });
  test('invalid: approve must be a boolean', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 1, reason: 'x' }));
    expect(await act(t().core, 'office', id, 'decide-extension', { approve: 'yes' })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the department cannot approve its own request', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 1, reason: 'x' }));
    expect(await act(t().core, 'staff-housing', id, 'decide-extension', { approve: true })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: nothing pending', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'handling'), 'decide-extension', { approve: true })).toMatchObject({ kind: 'conflict' });
  });
});
