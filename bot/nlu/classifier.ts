/**
 * The intent classifier: a multinomial logistic regression over jieba words and character n-grams of the
 * canonical text, with numbers, codes and quoted content folded into placeholders so that a phrasing is learnt
 * once for every id. Trained at bot start-up from the phrasing corpus (bot/corpus/*.tsv) in well under a second.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | null = null;
/** The bot's jieba segmenter with its bundled dictionary (loaded once). */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Text with numbers folded: 6-digit codes → Ｃ, other numbers → Ｎ, A–D answer classes kept, other Latin words → Ｗ. */
export function shape(t: string): string {
  return t
    .replace(/\d{4,8}/g, 'Ｃ')
    .replace(/\d+/g, 'Ｎ')
    .replace(/\b[a-zA-Z]+\d*\b/g, (w) => (/^[abcdABCD]$/.test(w) ? w.toUpperCase() : /^(?:ok|okay|yes|no|help|bind|skip|cancel|y|n)$/i.test(w) ? w.toLowerCase() : 'Ｗ'));
}

/** The features of canonical text: jieba words, word bigrams, character unigrams, bigrams and trigrams, length buckets. */
export function features(canonicalText: string): string[] {
  const t = shape(canonicalText).replace(/[，,。.！!？?、；;：:\s~～…]+/g, ' ').trim();
  const out: string[] = [];
  const words = segmenter().cut(t, false).filter((w) => w.trim());
  for (let i = 0; i < words.length; i++) {
    out.push(`w:${words[i]}`);
    if (i > 0) out.push(`b:${words[i - 1]}|${words[i]}`);
  }
  if (words.length) out.push(`first:${words[0]}`, `last:${words[words.length - 1]}`);
  const chars = [...t.replace(/ /g, '')];
  for (let i = 0; i < chars.length; i++) {
    out.push(`c:${chars[i]}`);
    if (i > 0) out.push(`c2:${chars[i - 1]}${chars[i]}`);
    if (i > 1) out.push(`c3:${chars[i - 2]}${chars[i - 1]}${chars[i]}`);
  }
  const n = chars.length;
  out.push(`len:${n <= 2 ? 'xs' : n <= 5 ? 's' : n <= 10 ? 'm' : n <= 20 ? 'l' : 'xl'}`);
  return out;
}

export interface Example {
  intent: string;
  text: string;
}

export interface Prediction {
  intent: string;
  p: number;
}

/** A trained model: feature weights per intent. */
export class IntentModel {
  private constructor(
    readonly intents: string[],
    private readonly weights: Map<string, Float32Array>,
    private readonly bias: Float32Array,
  ) {}

  /** Trains on canonical texts with their intents (SGD on the softmax loss, L2, a few epochs, fixed seed). */
  static train(examples: Example[], o: { epochs?: number; rate?: number; l2?: number } = {}): IntentModel {
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    const k = intents.length;
    const index = new Map(intents.map((x, i) => [x, i]));
    const weights = new Map<string, Float32Array>();
    const bias = new Float32Array(k);
    const rows = examples.map((e) => ({ y: index.get(e.intent)!, f: [...new Set(features(e.text))] }));
    for (const d of rows) for (const f of d.f) if (!weights.has(f)) weights.set(f, new Float32Array(k));
    const data = rows.map((d) => ({ y: d.y, w: d.f.map((f) => weights.get(f)!), scale: 1 / Math.sqrt(d.f.length) }));
    const epochs = o.epochs ?? 15;
    const l2 = o.l2 ?? 1e-4;
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const scores = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      const rate = (o.rate ?? 1) / (1 + epoch * 0.2);
      for (let i = data.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [data[i], data[j]] = [data[j], data[i]];
      }
      for (const d of data) {
        scores.set(bias);
        for (const w of d.w) for (let c = 0; c < k; c++) scores[c] += w[c] * d.scale;
        softmaxInPlace(scores);
        for (let c = 0; c < k; c++) {
          const g = scores[c] - (c === d.y ? 1 : 0);
          bias[c] -= rate * g * 0.1;
          const step = rate * g * d.scale;
          for (const w of d.w) w[c] -= step + rate * l2 * w[c];
        }
      }
    }
    return new IntentModel(intents, weights, bias);
  }

  /** The intents ranked by probability, restricted to `allowed` when given. */
  predict(canonicalText: string, allowed?: ReadonlySet<string>): Prediction[] {
    const f = [...new Set(features(canonicalText))].filter((x) => this.weights.has(x));
    const k = this.intents.length;
    const scores = new Float64Array(k);
    scores.set(this.bias);
    const scale = 1 / Math.sqrt(Math.max(1, f.length));
    for (const x of f) {
      const w = this.weights.get(x)!;
      for (let c = 0; c < k; c++) scores[c] += w[c] * scale;
    }
    for (let c = 0; c < k; c++) if (allowed && !allowed.has(this.intents[c])) scores[c] = -Infinity;
    softmaxInPlace(scores);
    return this.intents.map((intent, c) => ({ intent, p: scores[c] })).sort((a, b) => b.p - a.p);
  }
}

function softmaxInPlace(s: Float64Array): void {
  let max = -Infinity;
  for (const v of s) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    s[i] = Number.isFinite(s[i]) ? Math.exp(s[i] - max) : 0;
    sum += s[i];
  }
  for (let i = 0; i < s.length; i++) s[i] /= sum || 1;
}
