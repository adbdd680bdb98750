import { SuggestionEventModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('urgeSuggestion', (t) => {
  test('ok: an overdue task is urged, with the deadline in the note', async () => {
    const id = await suggestionAt(t().core, 'handling');
    t().clock.set('2026-06-03');
    must(await act(t().core, 'office', id, 'urge'));
    t().clock.set('2026-03-02');
    const e = await SuggestionEventModel.findOne({ where: { suggestionId: id, action: 'urge' } });
    expect(e).toMatchObject({ fromState: 'handling', toState: 'handling' });
    expect(e!.note).toContain('2026-06-02');
  });
  test('invalid', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'handling'), 'urge', { note: ['x'] })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'handling'), 'urge')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: nothing to urge once answered', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'answered'), 'urge')).toMatchObject({ kind: 'conflict' });
  });
});
