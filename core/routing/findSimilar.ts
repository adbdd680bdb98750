/**
 * Similar existing suggestions, for duplicate warnings at intake and joint filing: the routing features
 * (features.ts — jieba words and bigrams, character bigrams, title and whole-text blocks) weighted by
 * sublinear tf × idf over the suggestions compared, so that boilerplate every suggestion has ("关于…的建议")
 * weighs nothing, and compared by cosine. Titles only in the answer — bodies and people stay private — and only
 * suggestions the reader may open (the suggestion visibility rule), so that every hint leads somewhere: a deputy
 * sees other deputies' accepted suggestions and may ask to join one as a co-signer.
 * (It compares against the most recent 2,000 suggestions that have passed review; their features are cached.)
 */
import { Op } from 'sequelize';
import { ClassifyRequest } from '../../contracts/schemas';
import { STATE_LABELS } from '../../contracts/labels';
import type { SuggestionState } from '../../contracts/enums';
import { SuggestionModel } from '../../models/definitions';
import type { Actor } from '../context';
import { visibleWhere } from '../directory/suggestionScope';
import { plainUseCase } from '../useCase';
import { DEFAULT_FEATURES, extractBags, type Bag, type FeatureOptions } from './features';

export interface SimilarSuggestion {
  id: number;
  title: string;
  state: SuggestionState;
  stateLabel: string;
  score: number;
}

const PUBLIC_STATES: SuggestionState[] = ['accepted', 'referenced', 'assigned', 'handling', 'answered', 'closed'];

/** The routing features with words from the body too (speed matters less here) and no single characters. */
const SIMILARITY_FEATURES: FeatureOptions = { ...DEFAULT_FEATURES, bodyWords: true, charNgrams: [2], titleCharNgrams: [2], maxBodyChars: 2000 };

const cache = new Map<number, { stamp: string; bags: [Bag, Bag] }>();

function bagsOf(row: { id: number; title: string; body: string; updatedAt: Date }): [Bag, Bag] {
  const stamp = `${new Date(row.updatedAt).getTime()}`;
  const hit = cache.get(row.id);
  if (hit && hit.stamp === stamp) return hit.bags;
  const bags = extractBags(row.title, row.body, SIMILARITY_FEATURES);
  if (cache.size > 5000) cache.clear();
  cache.set(row.id, { stamp, bags });
  return bags;
}

/** Unit vectors over both blocks: (1 + ln tf) × ln(N / df), the title block weighted as in routing. */
function unitVectors(docs: [Bag, Bag][]): Map<number, number>[] {
  const df = new Map<number, number>();
  for (const bags of docs) for (const bag of bags) for (const h of bag.counts.keys()) df.set(h, (df.get(h) ?? 0) + 1);
  return docs.map((bags) => {
    const v = new Map<number, number>();
    let norm = 0;
    bags.forEach((bag, block) => {
      for (const [h, tf] of bag.counts) {
        const x = (1 + Math.log(tf)) * Math.log(docs.length / df.get(h)!) * (block === 0 ? SIMILARITY_FEATURES.titleWeight : 1);
        if (x <= 0) continue;
        v.set(h, x);
        norm += x * x;
      }
    });
    norm = Math.sqrt(norm) || 1;
    for (const [h, x] of v) v.set(h, x / norm);
    return v;
  });
}

/** The `limit` most similar suggestions to a text (score ≥ 0.2) among those `reader` may open, best first. */
export async function similarTo(reader: Actor, title: string, body: string, excludeId: number | null, limit = 3): Promise<SimilarSuggestion[]> {
  const rows = await SuggestionModel.findAll({
    where: { [Op.and]: [visibleWhere(reader), { state: { [Op.in]: PUBLIC_STATES }, ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}) }] },
    attributes: ['id', 'title', 'body', 'state', 'updatedAt'],
    order: [['id', 'DESC']],
    limit: 2000,
  });
  const vectors = unitVectors([extractBags(title, body, SIMILARITY_FEATURES), ...rows.map(bagsOf)]);
  const q = vectors[0];
  return rows
    .map((r, i) => {
      const d = vectors[i + 1];
      let score = 0;
      for (const [h, x] of q) score += x * (d.get(h) ?? 0);
      return { id: r.id, title: r.title, state: r.state as SuggestionState, stateLabel: STATE_LABELS[r.state as SuggestionState], score: Math.round(score * 1000) / 1000 };
    })
    .filter((s) => s.score >= 0.2)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Similar suggestions, among those `reader` may open, for text not yet submitted. */
export const previewSimilar = plainUseCase({
  name: 'routing.similar',
  readOnly: true,
  input: ClassifyRequest,
  apply: ({ actor, input }) => similarTo(actor, input.title, input.body ?? '', null),
});
