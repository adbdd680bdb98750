/** Returns teach at once: the returned suggestion is re-routed without the department, and the next retrain learns it. */
import type { RoutingProposal } from '../contracts/schemas';
import { classifierOf, currentVersion } from '../core/routing/departmentModel';
import { retrainRoutingModel } from '../core/routing/retrainModel';
import { createSuggestion } from '../core/suggestions';
import { AssignmentModel, DepartmentModel, RoutingExampleModel, RoutingModelVersion, SuggestionModel } from '../models/definitions';
import { act, actor, must } from './helpers/core';
import { eachDatabase } from './helpers/db';

const RIVER = { title: '关于加强农村河道清淤和农田灌溉的建议', body: '部分河道多年未清淤，汛期排水不畅，农田灌溉用水紧张。' };

const proposalOf = async (id: number) => JSON.parse((await SuggestionModel.findByPk(id))!.routing!) as RoutingProposal;

eachDatabase('returns teach routing', (t) => {
  beforeEach(() => t().clock.set('2026-03-02'));

  test('after 水利局 returns it, the proposal names another department and the one-tap confirm assigns that one', async () => {
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...RIVER, submit: true }));
    expect((await proposalOf(id)).lead?.code).toBe('water');
    must(await act(t().core, 'office', id, 'confirm'));
    must(await act(t().core, 'staff-water', id, 'return', { reason: '农田灌溉和清淤经费不归本单位，建议由农业农村局主办' }));

    const s = (await SuggestionModel.findByPk(id))!;
    const after = await proposalOf(id);
    expect(s.state).toBe('accepted');
    expect(after.departments.map((d) => d.code)).not.toContain('water');
    expect(after.co.map((d) => d.code)).not.toContain('water');
    // The reason names the department it belongs to, and the proposal says so in its deciding words.
    expect(after.lead?.code).toBe('agri');
    expect(after.lead?.why).toContain('农业农村局');
    expect(s.routingNeedsReview).toBe(after.needsReview);
    expect(after.needsReview).toBe(false);

    must(await act(t().core, 'office', id, 'confirm'));
    const agri = (await DepartmentModel.findOne({ where: { code: 'agri' } }))!;
    expect(await AssignmentModel.findOne({ where: { suggestionId: id, role: 'lead', active: true } })).toMatchObject({ departmentId: agri.id });
  });

  test('without a reason that names anyone, the next department in the ranking is proposed', async () => {
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...RIVER, submit: true }));
    const before = await proposalOf(id);
    must(await act(t().core, 'office', id, 'confirm'));
    must(await act(t().core, 'staff-water', id, 'return', { reason: '不属于本单位职责' }));
    const after = await proposalOf(id);
    expect(after.lead?.code).toBe(before.departments[1].code);
    expect(after.departments.map((d) => d.code)).not.toContain('water');
  });

  test("a retrain after returns lowers the returning department's score on that text", async () => {
    const score = (row: RoutingModelVersion) => classifierOf(row).rank(RIVER.title, RIVER.body, 0).find((r) => r.label === 'water')!.score;
    const before = score((await currentVersion())!);
    const returnsBefore = await RoutingExampleModel.count({ where: { label: 'negative' } });
    for (let i = 0; i < 3; i++) {
      const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...RIVER, submit: true }));
      must(await act(t().core, 'office', id, 'accept'));
      must(await act(t().core, 'office', id, 'assign', { lead: 'water' }));
      must(await act(t().core, 'staff-water', id, 'return', { reason: '不属于本单位职责' }));
    }
    // Each assignment is stored as a positive example for 水利局, each return as a negative one.
    expect(await RoutingExampleModel.count({ where: { label: 'negative' } })).toBe(returnsBefore + 3);
    const retrained = must(await retrainRoutingModel(t().core, null, { reason: 'retrain' }));
    expect(retrained.version?.summary.returns).toBe(returnsBefore + 3);
    const after = score((await RoutingModelVersion.findByPk(retrained.version!.id))!);
    expect(after).toBeLessThan(before);
    // The returns are what lowered it: the same examples without them do not.
    await RoutingExampleModel.destroy({ where: { label: 'negative' } });
    const control = must(await retrainRoutingModel(t().core, null, { reason: 'retrain' }));
    expect(score((await RoutingModelVersion.findByPk(control.version!.id))!)).toBeGreaterThan(after);
  }, 300_000);
});
