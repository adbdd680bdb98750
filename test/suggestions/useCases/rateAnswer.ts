import { SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('rateAnswer', (t) => {
  test('ok: basically satisfied closes; dissatisfied reopens with the 15-day clock', async () => {
    const a = await suggestionAt(t().core, 'answered');
    must(await act(t().core, 'deputy01', a, 'rate', { rating: 'basically_satisfied' }));
    expect((await SuggestionModel.findByPk(a))!.state).toBe('closed');
    const b = await suggestionAt(t().core, 'answered');
    t().clock.set('2026-09-20');
    must(await act(t().core, 'deputy01', b, 'rate', { rating: 'dissatisfied', comment: '没有落实' }));
    // 20 Sep + 15 days = 5 Oct, in the National Day holidays: due on the next working day.
    expect(await SuggestionModel.findByPk(b)).toMatchObject({ state: 'handling', round: 2, redoDueOn: '2026-10-08' });
    t().clock.set('2026-03-02');
  });
  test('invalid: dissatisfied needs a reason; unknown ratings', async () => {
    const id = await suggestionAt(t().core, 'answered');
    expect(await act(t().core, 'deputy01', id, 'rate', { rating: 'dissatisfied' })).toMatchObject({ kind: 'invalid' });
    expect(await act(t().core, 'deputy01', id, 'rate', { rating: '满意' })).toMatchObject({ kind: 'invalid' });
    expect((await SuggestionModel.findByPk(id))!.state).toBe('answered');
  });
  test('forbidden: the department cannot rate itself', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'answered'), 'rate', { rating: 'satisfied' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: before the answer, and twice', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'handling'), 'rate', { rating: 'satisfied' })).toMatchObject({ kind: 'conflict' });
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'closed'), 'rate', { rating: 'satisfied' })).toMatchObject({ kind: 'conflict' });
  });
});
