/**
 * The role × action table: for a suggestion in the state where each action is possible, exactly the
 * expected people may perform it — and `actions` in the detail agrees with the use cases.
 */
import type { SuggestionAction } from '../../../contracts/enums';
import { getSuggestion } from '../../../core/suggestions';
import { SuggestionEventModel, SuggestionModel } from '../../../models/definitions';
import { act, actor, must, suggestionAt, type Stage } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

const PEOPLE = ['deputy01', 'deputy02', 'deputy09', 'citizen01', 'staff-housing', 'staff-finance', 'staff-edu', 'office', 'office-zhangdian', 'office-boshan', 'admin'];

// action → [stage it is tried in, who may do it, a valid input]
const TABLE: [SuggestionAction, Stage, string[], unknown][] = [
  ['submit', 'draft', ['deputy01'], {}],
  ['withdraw', 'submitted', ['deputy01'], {}],
  ['accept', 'submitted', ['office', 'office-zhangdian'], {}],
  ['reject', 'submitted', ['office', 'office-zhangdian'], { reason: '不属于建议范围' }],
  ['confirm', 'submitted', ['office', 'office-zhangdian'], {}],
  ['assign', 'accepted', ['office', 'office-zhangdian'], { lead: 'housing' }],
  ['sign', 'assigned', ['staff-housing', 'staff-finance'], {}],
  ['return', 'assigned', ['staff-housing', 'staff-finance'], { reason: '不属于本单位职责' }],
  ['opinion', 'handling', ['staff-finance'], { opinion: '同意主办单位意见' }],
  ['consult', 'handling', ['staff-housing', 'staff-finance'], { method: 'phone', happenedOn: '2026-03-02', summary: '电话沟通' }],
  ['request-extension', 'handling', ['staff-housing'], { months: 1, reason: '等待预算' }],
  ['draft-answer', 'handling', ['staff-housing'], { answerClass: 'A', text: '已解决' }],
  ['publish-answer', 'consulted', ['staff-housing'], { answerClass: 'A', text: '已解决' }],
  ['urge', 'handling', ['office', 'office-zhangdian'], {}],
  ['rate', 'answered', ['deputy01'], { rating: 'satisfied' }],
  ['cosign', 'submitted', ['deputy02'], { accept: true }],
  ['join', 'accepted', ['deputy09'], {}],
  ['close', 'answered', ['office', 'office-zhangdian'], {}],
];

eachDatabase('policy table', (t) => {
  /** What a refused attempt must leave as it was: the author's whole view, the stored row and the timeline. */
  const snapshot = async (id: number) => ({
    view: must(await getSuggestion(t().core, await actor('deputy01'), id)),
    row: (await SuggestionModel.findByPk(id))!.toJSON(),
    events: await SuggestionEventModel.count({ where: { suggestionId: id } }),
  });

  test.each(TABLE)('%s in %s: allowed for %j only', async (action, stage, allowed, input) => {
    // Everyone who is refused tries the same suggestion (a refusal changes nothing, checked at the end); each
    // person who is allowed gets a fresh one, since success moves it on.
    const shared = await suggestionAt(t().core, stage);
    const before = await snapshot(shared);
    for (const who of PEOPLE) {
      const id = allowed.includes(who) ? await suggestionAt(t().core, stage) : shared;
      const view = await getSuggestion(t().core, await actor(who), id);
      const advertised = view.ok && view.value.actions.includes(action);
      const r = await act(t().core, who, id, action, input);
      if (allowed.includes(who)) {
        expect([who, r.ok]).toEqual([who, true]);
        expect([who, advertised]).toEqual([who, true]);
      } else {
        expect([who, r.ok ? 'ok' : r.kind]).toEqual([who, expect.stringMatching(/^(forbidden|notFound)$/)]);
        expect([who, advertised]).toEqual([who, false]);
      }
    }
    expect(await snapshot(shared)).toEqual(before);
  });

  test('decide-extension: only the office, and only while a request is pending', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'request-extension', { months: 1, reason: 'x' }));
    for (const who of ['deputy01', 'staff-housing', 'staff-finance']) {
      expect((await act(t().core, who, id, 'decide-extension', { approve: true })).ok).toBe(false);
    }
    expect((await act(t().core, 'office-boshan', id, 'decide-extension', { approve: true })).ok).toBe(false);
    must(await act(t().core, 'office-zhangdian', id, 'decide-extension', { approve: true }));
  });
});
