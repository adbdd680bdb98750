import { AssignmentModel, RoutingExampleModel, SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('assignSuggestion', (t) => {
  test('ok: lead and co-handlers, deadlines from assignment, a correction becomes a training example', async () => {
    const id = await suggestionAt(t().core, 'accepted');
    must(await act(t().core, 'office', id, 'assign', { lead: 'urban', co: ['housing', 'urban'] }));
    const s = (await SuggestionModel.findByPk(id))!;
    expect(s).toMatchObject({ state: 'assigned', assignedOn: '2026-03-02', returnDueOn: '2026-03-11', coOpinionDueOn: '2026-04-02', answerDueOn: '2026-06-02' });
    const rows = await AssignmentModel.findAll({ where: { suggestionId: id } });
    expect(rows.map((r) => r.role).sort()).toEqual(['co', 'lead']);
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: id } })).toMatchObject({ departmentCode: 'urban', source: 'correct', label: 'positive' });
  });
  test('invalid: unknown department codes', async () => {
    const r = await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'assign', { lead: 'nosuch', co: ['housing'] });
    expect(r).toMatchObject({ kind: 'invalid' });
    if (!r.ok) expect(r.message).toContain('nosuch');
  });
  test('ok: departments by the names people write (住建局, the full name, the name without the city), the same one twice kept once', async () => {
    const id = await suggestionAt(t().core, 'accepted');
    must(await act(t().core, 'office', id, 'assign', { lead: '水利局', co: ['住建局', '淄博市住房和城乡建设局', '城市管理局'] }));
    const rows = await AssignmentModel.findAll({ where: { suggestionId: id } });
    const s = (await SuggestionModel.findByPk(id))!;
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.role === 'lead')!.departmentId).toBe(s.leadDepartmentId);
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: id } })).toMatchObject({ departmentCode: 'water' });
    // A missing lead, or a word that names no single unit, is refused with what to write.
    const none = await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'assign', {});
    expect(none).toMatchObject({ kind: 'invalid', message: expect.stringContaining('请填写主办单位') });
    const vague = await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'assign', { lead: '局' });
    expect(vague).toMatchObject({ kind: 'invalid', message: expect.stringContaining('没有这些承办单位：局') });
    // Two everyday forms of one unit written together name it; forms of two units name neither.
    const police = await suggestionAt(t().core, 'accepted');
    must(await act(t().core, 'office', police, 'assign', { lead: '公安交警', co: ['淄博市住建局'] }));
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: police } })).toMatchObject({ departmentCode: 'police' });
    // Where a unit is asked for, its short name alone names it (教育 → 教育局), as the office writes it in a hurry.
    const school = await suggestionAt(t().core, 'accepted');
    must(await act(t().core, 'office', school, 'assign', { lead: '教育', co: ['财政'] }));
    expect(await AssignmentModel.count({ where: { suggestionId: school } })).toBe(2);
    expect(await RoutingExampleModel.findOne({ where: { suggestionId: school } })).toMatchObject({ departmentCode: 'edu' });
    const two = await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'assign', { lead: '住建城管' });
    expect(two).toMatchObject({ kind: 'invalid', message: expect.stringContaining('没有这些承办单位：住建城管') });
    const r = await act(t().core, 'office', await suggestionAt(t().core, 'accepted'), 'assign', { lead: '水利局', co: ['自来水公司'] });
    expect(r).toMatchObject({ kind: 'invalid' });
    if (!r.ok) expect(r.message).toContain('自来水公司');
  });
  test('forbidden: a deputy cannot assign', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'accepted'), 'assign', { lead: 'housing' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: a submitted suggestion must be accepted first', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'submitted'), 'assign', { lead: 'housing' })).toMatchObject({ kind: 'conflict' });
  });
});
