import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';
import { SuggestionModel } from '../../../models/definitions';

eachDatabase('withdrawSuggestion', (t) => {
  test('ok: before assignment', async () => {
    const id = await suggestionAt(t().core, 'accepted');
    must(await act(t().core, 'deputy01', id, 'withdraw', { reason: '已在别处解决' }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('withdrawn');
  });
  test('invalid: reason too long', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await act(t().core, 'deputy01', id, 'withdraw', { reason: '长'.repeat(3000) })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the office cannot withdraw for the deputy', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await act(t().core, 'office', id, 'withdraw')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: after assignment', async () => {
    const id = await suggestionAt(t().core, 'assigned');
    expect(await act(t().core, 'deputy01', id, 'withdraw')).toMatchObject({ kind: 'conflict' });
  });
});
