import { AnswerModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';
import { chinaDate } from '../../../contracts/format';

const ANSWER = { answerClass: 'A', text: '已全部完成加装。' };
const PHONE = { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表，了解小区情况。' };

eachDatabase('publishAnswer', (t) => {
  test('ok: publishes the draft', async () => {
    const id = await suggestionAt(t().core, 'consulted');
    must(await act(t().core, 'staff-housing', id, 'draft-answer', ANSWER));
    must(await act(t().core, 'staff-housing', id, 'publish-answer'));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('answered');
    expect(await AnswerModel.findOne({ where: { suggestionId: id } })).toMatchObject({ state: 'published', answerClass: 'A' });
  });
  test('invalid: no class and text, no draft', async () => {
    const id = await suggestionAt(t().core, 'consulted');
    const r = await act(t().core, 'staff-housing', id, 'publish-answer', {});
    expect(r).toMatchObject({ kind: 'invalid' });
    expect(await act(t().core, 'staff-housing', id, 'publish-answer', { answerClass: 'A' })).toMatchObject({ kind: 'invalid' });
    expect((await SuggestionModel.findByPk(id))!.state).toBe('handling');
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'consulted'), 'publish-answer', ANSWER)).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: before signing', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'publish-answer', ANSWER)).toMatchObject({ kind: 'conflict' });
  });
  test('conflict: no consultation on record (a co-handler consulting does not count for the lead)', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-finance', id, 'opinion', { opinion: '同意。' }));
    must(await act(t().core, 'staff-finance', id, 'consult', PHONE));
    const r = await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER);
    expect(r).toMatchObject({ kind: 'conflict', message: expect.stringContaining('面商') });
    expect((await SuggestionModel.findByPk(id))!.state).toBe('handling');
    expect(await AnswerModel.count({ where: { suggestionId: id } })).toBe(0);
  });
  test('a recorded reason why no consultation was possible is enough', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-finance', id, 'opinion', { opinion: '同意。' }));
    must(await act(t().core, 'staff-housing', id, 'consult', { method: 'none', summary: '代表长期在外地，电话和短信均未联系上。' }));
    must(await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('answered');
  });
  test('conflict: a co-handler has not given its opinion and its deadline has not passed; after the deadline the lead may answer', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'consult', PHONE));
    const r = await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER);
    const due = (await SuggestionModel.findByPk(id))!.coOpinionDueOn!;
    expect(r).toMatchObject({ kind: 'conflict', message: `还有 1 家协办单位没有提交协办意见，协办意见期限（${chinaDate(due)}）前不能正式答复` });
    t().clock.set(due);
    expect(await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER)).toMatchObject({ kind: 'conflict' });
    const next = new Date(Date.parse(`${due}T02:00:00Z`) + 86400e3).toISOString().slice(0, 10);
    t().clock.set(next);
    must(await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER));
    t().clock.set('2026-03-02');
  });
});
