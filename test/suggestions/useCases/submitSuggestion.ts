import { SuggestionModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('submitSuggestion', (t) => {
  test('ok: draft → submitted with a routing proposal', async () => {
    const id = await suggestionAt(t().core, 'draft');
    must(await act(t().core, 'deputy01', id, 'submit'));
    const s = (await SuggestionModel.findByPk(id))!;
    expect(s.state).toBe('submitted');
    expect(JSON.parse(s.routing!).lead.code).toBe('housing');
  });
  test('invalid: the body must be an object', async () => {
    const id = await suggestionAt(t().core, 'draft');
    expect(await act(t().core, 'deputy01', id, 'submit', 'now')).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden: a co-signer cannot submit', async () => {
    const id = await suggestionAt(t().core, 'draft');
    expect(await act(t().core, 'deputy02', id, 'submit')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: submitting twice', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await act(t().core, 'deputy01', id, 'submit')).toMatchObject({ kind: 'conflict' });
  });
});
