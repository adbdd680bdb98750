/** After a second 不满意 the office decides: close with its note, or order one more round — never more than three. */
import { SuggestionEventModel, SuggestionModel } from '../../../models/definitions';
import { NotificationModel } from '../../../models/engagement';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

const ANSWER = { answerClass: 'B', text: '补助标准已提高，正在组织实施。' };
const NO = { rating: 'dissatisfied', comment: '还是没有落实' };

/** A suggestion answered twice and rated 不满意 twice: waiting for the office. */
async function dissatisfiedTwice(core: Parameters<typeof suggestionAt>[0]): Promise<number> {
  const id = await suggestionAt(core, 'answered');
  must(await act(core, 'deputy01', id, 'rate', NO));
  must(await act(core, 'staff-housing', id, 'publish-answer', ANSWER));
  must(await act(core, 'deputy01', id, 'rate', NO));
  return id;
}

eachDatabase('decideRedo', (t) => {
  test('the second 不满意 does not reopen the suggestion: it waits for the office, which hears of it', async () => {
    const id = await dissatisfiedTwice(t().core);
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'awaiting_office', round: 2 });
    expect(await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER)).toMatchObject({ kind: 'conflict' });
    const office = await NotificationModel.count({ where: { kind: 'suggestion.awaiting_office', refId: id } });
    expect(office).toBeGreaterThan(0);
  });

  test('ok: the office closes it with its note, written in the timeline', async () => {
    const id = await dissatisfiedTwice(t().core);
    must(await act(t().core, 'office-zhangdian', id, 'decide-redo', { redo: false, note: '已两次答复，受财力限制暂难解决，作办结处理。' }));
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'closed', round: 2 });
    const last = await SuggestionEventModel.findOne({ where: { suggestionId: id }, order: [['id', 'DESC']] });
    expect(last).toMatchObject({ action: 'decide-redo', fromState: 'awaiting_office', toState: 'closed', note: '办结：已两次答复，受财力限制暂难解决，作办结处理。' });
  });

  test('ok: a third round, with a new 15-day clock; after it only closing is possible (no endless loop)', async () => {
    const id = await dissatisfiedTwice(t().core);
    must(await act(t().core, 'office', id, 'decide-redo', { redo: true, note: '请再次研究补助标准。' }));
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'handling', round: 3, redoDueOn: '2026-03-17', answerDueOn: '2026-03-17' });
    must(await act(t().core, 'staff-housing', id, 'publish-answer', ANSWER));
    must(await act(t().core, 'deputy01', id, 'rate', NO));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('awaiting_office');
    const again = await act(t().core, 'office', id, 'decide-redo', { redo: true, note: '再办一次' });
    expect(again).toMatchObject({ kind: 'conflict', message: expect.stringContaining('不能再重新办理') });
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'awaiting_office', round: 3 });
    must(await act(t().core, 'office', id, 'decide-redo', { redo: false, note: '三轮答复，作办结处理。' }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('closed');
  });

  test('invalid: the decision and its reason are required', async () => {
    const id = await dissatisfiedTwice(t().core);
    expect(await act(t().core, 'office', id, 'decide-redo', { redo: false })).toMatchObject({ kind: 'invalid', message: expect.stringContaining('决定理由') });
    expect(await act(t().core, 'office', id, 'decide-redo', { note: '办结' })).toMatchObject({ kind: 'invalid' });
    expect((await SuggestionModel.findByPk(id))!.state).toBe('awaiting_office');
  });

  test('forbidden: the department, the deputy, an office of another district', async () => {
    const id = await dissatisfiedTwice(t().core);
    for (const who of ['staff-housing', 'deputy01', 'office-boshan']) {
      expect((await act(t().core, who, id, 'decide-redo', { redo: false, note: '办结' })).ok).toBe(false);
    }
    expect((await SuggestionModel.findByPk(id))!.state).toBe('awaiting_office');
  });

  test('conflict: only while the office decision is pending', async () => {
    const id = await suggestionAt(t().core, 'answered');
    expect(await act(t().core, 'office', id, 'decide-redo', { redo: false, note: '办结' })).toMatchObject({ kind: 'conflict' });
  });
});
