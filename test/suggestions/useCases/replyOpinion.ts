import { createSuggestion } from '../../../core/suggestions';
import { SuggestionEventModel, SuggestionModel } from '../../../models/definitions';
import { act, actor, must } from '../../helpers/core';
import { eachDatabase, type TestCore } from '../../helpers/db';

async function opinion(t: TestCore) {
  return must(await createSuggestion(t.core, await actor('citizen03'), { title: '想了解低保政策', body: '家里老人生病，能否申请低保？', deputy: 'deputy08', submit: true })).id;
}

eachDatabase('replyOpinion', (t) => {
  test('ok: the deputy answers directly; the reply is in the timeline', async () => {
    const id = await opinion(t());
    must(await act(t().core, 'deputy08', id, 'reply', { text: '可以到街道便民服务中心申请，我陪您一起去。' }));
    expect((await SuggestionModel.findByPk(id))!.state).toBe('replied');
    const last = await SuggestionEventModel.findOne({ where: { suggestionId: id, action: 'reply' } });
    expect(last!.note).toContain('便民服务中心');
  });
  test('invalid: empty reply', async () => {
    expect(await act(t().core, 'deputy08', await opinion(t()), 'reply', { text: '  ' })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: the citizen cannot reply to themselves', async () => {
    expect(await act(t().core, 'citizen03', await opinion(t()), 'reply', { text: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: after forwarding', async () => {
    const id = await opinion(t());
    must(await act(t().core, 'deputy08', id, 'forward'));
    expect(await act(t().core, 'deputy08', id, 'reply', { text: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
