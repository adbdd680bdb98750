import { AnswerModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('draftAnswer', (t) => {
  test('ok: saving twice keeps one draft', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'draft-answer', { answerClass: 'C', text: '初稿' }));
    must(await act(t().core, 'staff-housing', id, 'draft-answer', { answerClass: 'B', text: '修改稿' }));
    const rows = await AnswerModel.findAll({ where: { suggestionId: id } });
    expect(rows.map((r) => [r.state, r.answerClass, r.text])).toEqual([['draft', 'B', '修改稿']]);
  });
  test('invalid: class must be A–D', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'handling'), 'draft-answer', { answerClass: 'E', text: 'x' })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: co-handlers do not draft the answer', async () => {
    expect(await act(t().core, 'staff-finance', await suggestionAt(t().core, 'handling'), 'draft-answer', { answerClass: 'A', text: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: after publishing', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'answered'), 'draft-answer', { answerClass: 'A', text: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
