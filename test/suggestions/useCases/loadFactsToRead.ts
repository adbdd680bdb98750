import { isDeepStrictEqual } from 'node:util';
import { loadFacts, loadFactsToRead } from '../../../core/suggestions/facts';
import { ConsultationModel, PhotoModel, SuggestionEventModel, UserModel } from '../../../models/definitions';
import { act, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

/** Model instances (and lists and maps of them) as plain values, for a deep comparison. */
function plain(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(plain);
  if (x && typeof x === 'object' && 'dataValues' in x) return (x as { dataValues: unknown }).dataValues;
  return x;
}

/**
 * The detail page's one-statement read (models/related.ts) gives exactly what the table-by-table reads give —
 * dates as dates, flags as booleans, every row of every related table in order, texts with quotes, backslashes,
 * line breaks and emoji intact — on both databases.
 */
eachDatabase('loadFactsToRead', (t) => {
  test('equals the per-table reads over a whole life: co-signers, handlers, opinion, consultation, extension, answer, rating, photo', async () => {
    const core = t().core;
    const id = await suggestionAt(core, 'consulted');
    must(await act(core, 'staff-housing', id, 'request-extension', { months: 2, reason: '需要等"财政"预算批复\\第2批\n再定' }));
    must(await act(core, 'office', id, 'decide-extension', { approve: true }));
    must(await act(core, 'staff-housing', id, 'publish-answer', { answerClass: 'B', text: '已列入明年计划 🏗️，加装电梯补助标准提高。\n\t附：“说明”' }));
    must(await act(core, 'deputy01', id, 'rate', { rating: 'basically_satisfied', comment: "希望'尽快'落实" }));
    const uploader = await UserModel.findOne({ where: { username: 'deputy01' } });
    await PhotoModel.create({ suggestionId: id, uploaderUserId: uploader!.id, contentType: 'image/png', size: 3, data: Buffer.from([1, 2, 3]), createdAt: new Date() });

    const read = await loadFactsToRead(id);
    const facts = await loadFacts(id);
    expect(read).not.toBeNull();
    const events = await SuggestionEventModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] });
    const photos = await PhotoModel.findAll({ where: { suggestionId: id }, attributes: ['id'], order: [['id', 'ASC']] });
    // What the life left behind, so that the comparison below compares something.
    expect(facts!.cosigners.length).toBe(1);
    expect(facts!.allAssignments.map((a) => [a.role, a.active])).toEqual([
      ['lead', true],
      ['co', true],
    ]);
    expect(facts!.extensions.map((e) => e.state)).toEqual(['approved']);
    expect(await ConsultationModel.count({ where: { suggestionId: id } })).toBe(1);
    expect(events.length).toBeGreaterThanOrEqual(9);
    expect(photos.length).toBe(1);

    const differences = Object.keys(facts!).filter((k) => !isDeepStrictEqual(plain(read!.facts[k as keyof typeof facts]), plain(facts![k as keyof typeof facts])));
    expect(differences).toEqual([]);
    expect(plain(read!.events)).toEqual(plain(events));
    expect(plain(read!.photos)).toEqual(plain(photos));
    expect(read!.facts.suggestion.closedAt).toBeInstanceOf(Date);
    expect(read!.facts.allAssignments[0].active).toBe(true);
    expect(read!.facts.answers[0].text).toBe('已列入明年计划 🏗️，加装电梯补助标准提高。\n\t附：“说明”');
    // Instances that can still be written, as Sequelize's own.
    await read!.facts.suggestion.reload();
  });

  test('no such suggestion, or no region and no related rows', async () => {
    expect(await loadFactsToRead(9_999_999)).toBeNull();
    expect(await loadFactsToRead(-1)).toBeNull();
    const id = await suggestionAt(t().core, 'draft');
    const read = await loadFactsToRead(id);
    expect(plain(read!.facts.suggestion)).toEqual(plain((await loadFacts(id))!.suggestion));
    expect(read!.events.length).toBe((await SuggestionEventModel.count({ where: { suggestionId: id } })));
    expect(read!.facts.answers).toEqual([]);
  });
});
