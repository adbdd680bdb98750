import { AssignmentModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('signSuggestion', (t) => {
  test('ok: a co-handler signing leaves the state; the lead signing starts handling', async () => {
    const id = await suggestionAt(t().core, 'assigned');
    must(await act(t().core, 'staff-finance', id, 'sign'));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('assigned');
    must(await act(t().core, 'staff-housing', id, 'sign'));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('handling');
    expect((await AssignmentModel.findAll({ where: { suggestionId: id } })).every((a) => a.signedAt)).toBe(true);
  });
  test('invalid', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'sign', { note: {} })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the deputy cannot sign; other departments do not even see it', async () => {
    const id = await suggestionAt(t().core, 'assigned');
    expect(await act(t().core, 'deputy01', id, 'sign')).toMatchObject({ kind: 'forbidden' });
    expect(await act(t().core, 'staff-edu', id, 'sign')).toMatchObject({ kind: 'notFound' });
  });
  test('conflict: signing twice', async () => {
    const id = await suggestionAt(t().core, 'handling');
    expect(await act(t().core, 'staff-housing', id, 'sign')).toMatchObject({ kind: 'conflict' });
  });
});
