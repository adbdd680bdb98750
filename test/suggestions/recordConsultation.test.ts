import { ConsultationModel } from '../../models/definitions';
import { act, must, suggestionAt } from '../helpers/core';
import { eachDatabase } from '../helpers/db';

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
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'handling'), 'consult', visit)).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: sign first', async () => {
    expect(await act(t().core, 'staff-housing', await suggestionAt(t().core, 'assigned'), 'consult', visit)).toMatchObject({ kind: 'conflict' });
  });
});
