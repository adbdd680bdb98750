import { createSuggestion } from '../../../core/suggestions';
import { AssignmentModel, RoutingExampleModel, SuggestionModel } from '../../../models/definitions';
import { act, actor, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('confirmRouting', (t) => {
  test('ok: one tap accepts and assigns to the proposal; stored as a confirmation', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    must(await act(t().core, 'office', id, 'confirm'));
    expect(await SuggestionModel.findByPk(id)).toMatchObject({ state: 'assigned' });
    expect((await AssignmentModel.findAll({ where: { suggestionId: id, role: 'lead' } }))[0].departmentId).toBeGreaterThan(0);
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: id } })).toMatchObject({ departmentCode: 'housing', source: 'confirm' });
  });
  test('invalid', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'submitted'), 'confirm', { note: false })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'submitted'), 'confirm')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: a low-confidence proposal needs a person to choose', async () => {
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { title: '关于改进工作作风的建议', body: '希望各方面多听取意见。', submit: true }));
    const s = (await SuggestionModel.findByPk(id))!;
    expect(s.routingNeedsReview).toBe(true);
    expect(await act(t().core, 'office', id, 'confirm')).toMatchObject({ kind: 'conflict' });
  });
});
