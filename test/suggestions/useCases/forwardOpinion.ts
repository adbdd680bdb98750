import { createSuggestion } from '../../../core/suggestions';
import { SuggestionModel } from '../../../models/definitions';
import { act, actor, must } from '../../helpers/core';
import { eachDatabase, type TestCore } from '../../helpers/db';

async function opinion(t: TestCore) {
  return must(await createSuggestion(t.core, await actor('citizen01'), { title: '村里道路坑洼', body: '雨天积水，车辆难行。', deputy: 'deputy07', submit: true })).id;
}

eachDatabase('forwardOpinion', (t) => {
  test('ok: the addressed deputy forwards; the citizen still follows it', async () => {
    const id = await opinion(t());
    must(await act(t().core, 'deputy07', id, 'forward', { note: '属实' }));
    const s = (await SuggestionModel.findByPk(id))!;
    expect(s.state).toBe('submitted');
    expect(s.citizenUserId).toBe((await actor('citizen01')).id);
    expect(s.deputyUserId).toBe((await actor('deputy07')).id);
  });
  test('invalid', async () => {
    expect(await act(t().core, 'deputy07', await opinion(t()), 'forward', { note: 5 })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the citizen cannot forward their own opinion', async () => {
    expect(await act(t().core, 'citizen01', await opinion(t()), 'forward')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: forwarding twice', async () => {
    const id = await opinion(t());
    must(await act(t().core, 'deputy07', id, 'forward'));
    expect(await act(t().core, 'deputy07', id, 'forward')).toMatchObject({ kind: 'conflict' });
  });
});
