import { SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('closeSuggestion', (t) => {
  test('ok: the office closes an answered suggestion the deputy did not rate', async () => {
    const id = await suggestionAt(t().core, 'answered');
    must(await act(t().core, 'office', id, 'close', { note: '代表逾期未测评，视为办结' }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('closed');
  });
  test('invalid', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'answered'), 'close', { note: 1 })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'answered'), 'close')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: not before the answer', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'handling'), 'close')).toMatchObject({ kind: 'conflict' });
  });
});
