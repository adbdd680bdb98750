import { ConsultationModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

const visit = { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表，了解具体小区情况。' };

eachDatabase('recordConsultation', (t) => {
  test('ok', async () => {
    const id = await suggestionAt(t().core, 'handling');
    must(await act(t().core, 'staff-housing', id, 'consult', visit));
    expect(await ConsultationModel.count({ where: { suggestionId: id } })).toBe(1);
  });
  test('invalid: unknown method, bad date, a date in the future', async () => {
    const id = await suggestionAt(t().core, 'handling');
    expect(await act(t().core, 'staff-housing', id, 'consult', { ...visit, method: 'pigeon' })).toMatchObject({ kind: 'invalid' });
    expect(await act(t().core, 'staff-housing', id, 'consult', { ...visit, happenedOn: '3月2日' })).toMatchObject({ kind: 'invalid' });
    expect(await act(t().core, 'staff-housing', id, 'consult', { ...visit, happenedOn: '2027-01-01' })).toMatchObject({ kind: 'invalid' });
    expect(await ConsultationModel.count({ where: { suggestionId: id } })).toBe(0);
  });
  test('no consultation possible: recorded with its reason, which is required', async () => {
    const id = await suggestionAt(t().core, 'handling');
    const missing = await act(t().core, 'staff-housing', id, 'consult', { method: 'none' });
    expect(missing).toMatchObject({ kind: 'invalid', message: expect.stringContaining('请写明无法面商的原因') });
    expect(await act(t().core, 'staff-housing', id, 'consult', { method: 'visit', summary: '上门' })).toMatchObject({ kind: 'invalid', message: expect.stringContaining('面商日期') });
    expect(await ConsultationModel.count({ where: { suggestionId: id } })).toBe(0);
    must(await act(t().core, 'staff-housing', id, 'consult', { method: 'none', summary: '代表出国学习三个月，无法联系。' }));
    expect(await ConsultationModel.findOne({ where: { suggestionId: id } })).toMatchObject({ method: 'none', happenedOn: '2026-03-02', summary: '代表出国学习三个月，无法联系。' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'handling'), 'consult', visit)).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: sign first', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'consult', visit)).toMatchObject({ kind: 'conflict' });
  });
});
