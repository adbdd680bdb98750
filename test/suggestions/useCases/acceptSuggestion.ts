import { SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('acceptSuggestion', (t) => {
  test('ok: the city office and the district office of the deputy both may accept', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    must(await act(t().core, 'office-zhangdian', id, 'accept')); // deputy01 lives in 张店区
    expect((await SuggestionModel.findByPk(id))!.state).toBe('accepted');
  });
  test('invalid', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'submitted'), 'accept', { note: [] })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden / not found: another district office does not see it; staff may not accept', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await act(t().core, 'office-boshan', id, 'accept')).toMatchObject({ kind: 'notFound' });
    const assigned = await suggestionAt(t().core, 'assigned');
    expect(await act(t().core, 'staff-housing', assigned, 'accept')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: accepting twice', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'accept')).toMatchObject({ kind: 'conflict' });
  });
});
