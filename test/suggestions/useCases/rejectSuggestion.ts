import { SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('rejectSuggestion', (t) => {
  test('ok: becomes a reference item with its reason', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    must(await act(t().core, 'office', id, 'reject', { reason: '属于个人诉求，转信访渠道' }));
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'referenced', rejectReason: '属于个人诉求，转信访渠道' });
  });
  test('invalid: a reason is required', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'submitted'), 'reject', {})).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the deputy cannot reject', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'submitted'), 'reject', { reason: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: after assignment', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'assigned'), 'reject', { reason: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
