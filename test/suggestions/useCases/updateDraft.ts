import { updateDraft } from '../../../core/suggestions';
import { CosignerModel, SuggestionModel } from '../../../models/definitions';
import { actor, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('updateDraft', (t) => {
  test('ok: the author edits title and co-signers of a draft', async () => {
    const id = await suggestionAt(t().core, 'draft');
    must(await updateDraft(t().core, await actor('deputy01'), id, { title: '新标题', cosigners: ['deputy04'] }));
    expect((await SuggestionModel.findByPk(id))!.title).toBe('新标题');
    expect((await CosignerModel.findAll({ where: { suggestionId: id } })).length).toBe(1);
  });
  test('invalid', async () => {
    const id = await suggestionAt(t().core, 'draft');
    expect(await updateDraft(t().core, await actor('deputy01'), id, { body: '' })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: a co-signer sees the draft but may not edit it', async () => {
    const id = await suggestionAt(t().core, 'draft');
    expect(await updateDraft(t().core, await actor('deputy02'), id, { title: 'x' })).toMatchObject({ kind: 'forbidden' });
  });
  test('not found for someone who cannot see it', async () => {
    const id = await suggestionAt(t().core, 'draft');
    expect(await updateDraft(t().core, await actor('office'), id, { title: 'x' })).toMatchObject({ kind: 'notFound' });
  });
  test('conflict: submitted suggestions are not edited', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await updateDraft(t().core, await actor('deputy01'), id, { title: 'x' })).toMatchObject({ kind: 'conflict' });
  });
});
