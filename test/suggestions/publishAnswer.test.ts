import { AnswerModel, SuggestionModel } from '../../models/definitions';
import { act, must, suggestionAt } from '../helpers/core';
import { eachDatabase } from '../helpers/db';

eachDatabase('publishAnswer', (t) => {
  test('ok: publishes the draft', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'draft-answer', { answerClass: 'A', text: '已全部完成加装。' }));
    must(await act(t().core, 'staff-housing', id, 'publish-answer'));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('answered');
    expect(await AnswerModel.findOne({ where: { suggestionId: id } })).toMatchObject({ state: 'published', answerClass: 'A' });
  });
  test('invalid: no class and text, no draft', async () => {
    const id = await suggestionAt(t().core, 'handling');
    const r = await act(t().core, 'staff-housing', id, 'publish-answer', {});
    expect(r).toMatchObject({ kind: 'invalid' });
    expect(await act(t().core, 'staff-housing', id, 'publish-answer', { answerClass: 'A' })).toMatchObject({ kind: 'invalid' });
    expect((await SuggestionModel.findByPk(id))!.state).toBe('handling');
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'handling'), 'publish-answer', { answerClass: 'A', text: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: before signing', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'publish-answer', { answerClass: 'A', text: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
