import { AssignmentModel, DepartmentModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('submitCoOpinion', (t) => {
  test('ok: the co-handler writes to the lead', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-finance', id, 'opinion', { opinion: '可从城市更新专项资金中安排补助。' }));
    const finance = await DepartmentModel.findOne({ where: { code: 'finance' } });
    expect((await AssignmentModel.findOne({ where: { suggestionId: id, departmentId: finance!.id } }))!.opinion).toContain('专项资金');
  });
  test('invalid', async () => {
    expect(await act(t().core, 'staff-finance', await suggestionAt(t().core, 'handling'), 'opinion', {})).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the lead does not write co-handler opinions', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'handling'), 'opinion', { opinion: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: once only, and not after the answer', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-finance', id, 'opinion', { opinion: 'x' }));
    expect(await act(t().core, 'staff-finance', id, 'opinion', { opinion: 'y' })).toMatchObject({ kind: 'conflict' });
    const answered = await suggestionAt(t().core, 'answered');
    expect(await act(t().core, 'staff-finance', answered, 'opinion', { opinion: 'y' })).toMatchObject({ kind: 'conflict' });
  });
});
