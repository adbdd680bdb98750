import type { RoutingProposal } from '../../../contracts/schemas';
import { AssignmentModel, RoutingExampleModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('returnSuggestion', (t) => {
  beforeEach(() => t().clock.set('2026-03-02'));

  test('ok: the lead returns it, the office re-routes it, the new lead answers on a new clock', async () => {
    const id = await suggestionAt(t().core, 'assigned');
    t().clock.set('2026-03-05');
    must(await act(t().core, 'staff-housing', id, 'return', { reason: '加装电梯补助属于财政资金，建议由财政局主办' }));
    let s = (await SuggestionModel.findByPk(id))!;
    expect(s).toMatchObject({ state: 'accepted', leadDepartmentId: null, answerDueOn: null });
    // Re-routed at once without the returning department; the reason names the one it belongs to.
    const proposal = JSON.parse(s.routing!) as RoutingProposal;
    expect(proposal.departments.map((d) => d.code)).not.toContain('housing');
    expect(proposal.lead?.code).toBe('finance');
    expect(s.routingNeedsReview).toBe(proposal.needsReview);
    expect((await AssignmentModel.findAll({ where: { suggestionId: id, active: true } })).length).toBe(0);
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: id, source: 'return' } })).toMatchObject({ departmentCode: 'housing', label: 'negative' });
    // The returning department no longer acts on it.
    expect(await act(t().core, 'staff-housing', id, 'sign')).toMatchObject({ kind: 'forbidden' });
    t().clock.set('2026-03-06');
    must(await act(t().core, 'office', id, 'assign', { lead: 'finance' }));
    s = (await SuggestionModel.findByPk(id))!;
    expect(s).toMatchObject({ state: 'assigned', assignedOn: '2026-03-06', answerDueOn: '2026-06-08' });
    must(await act(t().core, 'staff-finance', id, 'sign'));
  });
  test('ok: a co-handler returns only its own part', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-finance', id, 'return', { reason: '不涉及本单位职责' }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('handling');
    expect((await AssignmentModel.findAll({ where: { suggestionId: id, active: true } })).map((a) => a.role)).toEqual(['lead']);
  });
  test('invalid: a reason is required', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'return', { reason: '' })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'assigned'), 'return', { reason: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: after the 7-working-day window', async () => {
    const id = await suggestionAt(t().core, 'assigned');
    t().clock.set('2026-03-11');
    const last = await act(t().core, 'staff-finance', id, 'return', { reason: '最后一天仍可退回' });
    expect(last.ok).toBe(true);
    t().clock.set('2026-03-12');
    const r = await act(t().core, 'staff-housing', id, 'return', { reason: 'x' });
    expect(r).toMatchObject({ kind: 'conflict' });
    if (!r.ok) expect(r.message).toContain('2026年3月11日');
  });
});
