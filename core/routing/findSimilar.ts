/**
 * Similar existing suggestions, for duplicate warnings at intake and joint filing: cosine similarity of the same
 * routing words (idf-weighted) between the text and every suggestion that has passed review. Titles only — the
 * bodies and people stay private. (A first version: it compares against the most recent 2,000 suggestions.)
 */
import { Op } from 'sequelize';
import { ClassifyRequest } from '../../contracts/schemas';
import { STATE_LABELS } from '../../contracts/labels';
import type { SuggestionState } from '../../contracts/enums';
import { formatZodError } from '../../contracts/validation';
import { SuggestionModel } from '../../models/definitions';
import type { Actor } from '../context';
import { invalid, notFound, ok, type Outcome } from '../result';
import { loadFacts } from '../suggestions/facts';
import { canSee } from '../suggestions/scope';
import { segment } from './tokenize';

export interface SimilarSuggestion {
  id: number;
  title: string;
  state: SuggestionState;
  stateLabel: string;
  score: number;
}

const PUBLIC_STATES: SuggestionState[] = ['accepted', 'referenced', 'assigned', 'handling', 'answered', 'closed'];

function vector(words: string[], idf: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words) if (w.length >= 2) v.set(w, (v.get(w) ?? 0) + 1);
  let norm = 0;
  for (const [w, tf] of v) {
    const x = (1 + Math.log(tf)) * (idf.get(w) ?? 1);
    v.set(w, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

/** The `limit` most similar suggestions to a text (score ≥ 0.2), best first. */
export async function similarTo(title: string, body: string, excludeId: number | null, limit = 3): Promise<SimilarSuggestion[]> {
  const rows = await SuggestionModel.findAll({
    where: { state: { [Op.in]: PUBLIC_STATES }, ...(excludeId ? { id: { [Op.ne]: excludeId } } : {}) },
    attributes: ['id', 'title', 'body', 'state'],
    order: [['id', 'DESC']],
    limit: 2000,
  });
  const docs = rows.map((r) => segment(`${r.title}\n${r.title}\n${r.body}`));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d)) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, Math.log((docs.length + 1) / (n + 1)) + 1]));
  const q = vector(segment(`${title}\n${title}\n${body}`), idf);
  return rows
    .map((r, i) => {
      const d = vector(docs[i], idf);
      let score = 0;
      for (const [w, x] of q) score += x * (d.get(w) ?? 0);
      return { id: r.id, title: r.title, state: r.state as SuggestionState, stateLabel: STATE_LABELS[r.state as SuggestionState], score: Math.round(score * 1000) / 1000 };
    })
    .filter((s) => s.score >= 0.2)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** Similar suggestions for text not yet submitted. */
export async function previewSimilar(input: unknown): Promise<Outcome<SimilarSuggestion[]>> {
  const parsed = ClassifyRequest.safeParse(input ?? {});
  if (!parsed.success) return invalid(formatZodError(parsed.error));
  return ok(await similarTo(parsed.data.title, parsed.data.body ?? '', null));
}

/** Similar suggestions to one the caller may see. */
export async function similarToSuggestion(actor: Actor, id: number): Promise<Outcome<SimilarSuggestion[]>> {
  const facts = await loadFacts(id);
  if (!facts || !canSee(actor, facts)) return notFound('没有找到这件建议');
  return ok(await similarTo(facts.suggestion.title, facts.suggestion.body, id));
}
