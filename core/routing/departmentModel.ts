/**
 * The department routing model of the product: what it is trained on (the departments' duty keywords and
 * duties plus every labelled example the office has produced), which examples are held out to score it, and
 * how versions are stored. The classifier is the one `npm run routing:train` and the benchmark use.
 */
import { Op } from 'sequelize';
import { DepartmentModel, RoutingExampleModel, RoutingModelVersion } from '../../models/definitions';
import { Classifier, DEFAULT_CLASSIFIER, parseClassifier, type ClassifierOptions, type LabelledText } from './classifier';
import { evaluate } from './metrics';
import { parseAliases, parseKeywords } from '../directory/departmentWords';

/**
 * The product's choices on top of the defaults: every term counts (a department's keyword may occur once),
 * no per-label bias tuning (with 31 departments and a few hundred examples it would fit noise), and every
 * department weighs the same whatever the length of its keyword list or history (no prior from list sizes).
 */
export const DEPARTMENT_CLASSIFIER: ClassifierOptions = {
  ...DEFAULT_CLASSIFIER,
  features: { ...DEFAULT_CLASSIFIER.features, minDf: 1 },
  tuneBias: false,
  classWeight: 'balanced',
  // Two calibration folds instead of three: thousands of short first-day documents (keywords, duty sentences)
  // make start-up training a third shorter with the same rankings. (A looser SVM stopping rule would save
  // more, but then one added example can flip held-out predictions and a good retrain gets rejected.)
  calibrationFolds: 2,
};

/** How much a return (a department's "not ours") weighs against that department, relative to one example. */
export const RETURN_WEIGHT = 2;

/** Every fifth labelled example (by id) is held out: never trained on, used to compare model versions. */
export const isHeldOut = (exampleId: number): boolean => exampleId % 5 === 0;

export interface DepartmentExample {
  id: number;
  title: string;
  body: string;
  departmentCode: string;
  source: string;
}

export interface DepartmentInfo {
  code: string;
  name: string;
  duties: string;
  keywords: string[];
  aliases: string[];
}

/** Active departments with their keywords and aliases. */
export async function loadDepartments(): Promise<DepartmentInfo[]> {
  const rows = await DepartmentModel.findAll({ where: { active: true }, order: [['id', 'ASC']] });
  return rows.map((d) => ({ code: d.code, name: d.name, duties: d.duties ?? '', keywords: parseKeywords(d.keywords), aliases: parseAliases(d.aliases) }));
}

/** Splits a stored example into title and body (rows from before titles were kept: the first line is the title). */
export function exampleText(row: { title: string | null; text: string }): { title: string; body: string } {
  if (row.title !== null && row.title !== undefined) return { title: row.title, body: row.text };
  const at = row.text.indexOf('\n');
  return at < 0 ? { title: row.text, body: '' } : { title: row.text.slice(0, at), body: row.text.slice(at + 1) };
}

/**
 * Records what the office or a department said about a suggestion's department: `positive` for a confirmation
 * or correction, `negative` for a return. The model learns it at its next retrain (nightly, or by hand).
 */
export async function recordRoutingExample(
  s: { id: number; title: string; body: string },
  departmentCode: string,
  label: 'positive' | 'negative',
  source: 'confirm' | 'correct' | 'return',
  at: Date,
): Promise<void> {
  await RoutingExampleModel.create({ title: s.title, text: s.body, departmentCode, label, source, suggestionId: s.id, createdAt: at });
}

/** Positive labelled examples for active departments, oldest first. */
export async function loadExamples(departments: DepartmentInfo[]): Promise<DepartmentExample[]> {
  const rows = await RoutingExampleModel.findAll({
    where: { label: 'positive', departmentCode: { [Op.in]: departments.map((d) => d.code) } },
    order: [['id', 'ASC']],
  });
  return rows.map((r) => ({ id: r.id, ...exampleText(r), departmentCode: r.departmentCode, source: r.source }));
}

/** Returns ("not ours") for active departments, oldest first. */
export async function loadReturns(departments: DepartmentInfo[]): Promise<DepartmentExample[]> {
  const rows = await RoutingExampleModel.findAll({
    where: { label: 'negative', departmentCode: { [Op.in]: departments.map((d) => d.code) } },
    order: [['id', 'ASC']],
  });
  return rows.map((r) => ({ id: r.id, ...exampleText(r), departmentCode: r.departmentCode, source: r.source }));
}

/**
 * How a letter wraps its subject. Each keyword goes into FRAMES_PER_KEYWORD of these in turn, so every department
 * gets every frame about equally often and the frame's own words (咨询, 投诉, 解决 …) carry no weight for any
 * department.
 */
const FRAMES = ['关于{}的建议', '反映{}问题', '咨询{}', '投诉{}', '请求解决{}的问题', '{}问题何时能解决', '举报{}', '希望尽快解决{}'];

/**
 * Frames per keyword. One: the keyword lists carry the everyday words for every duty (about 2,600 in the demo
 * city), and a second frame per keyword made the first-day training half as long again with rankings no better
 * on either labelled set.
 */
const FRAMES_PER_KEYWORD = 1;

/**
 * What a department's duties and words teach on their own (a city's first day, before any history): its name
 * and aliases, each sentence of its duties, and each keyword alone and in a letter frame.
 */
export function departmentDocuments(d: DepartmentInfo): LabelledText[] {
  const docs: LabelledText[] = [];
  for (const a of [d.name, ...d.aliases]) docs.push({ title: a, body: '', label: d.code });
  for (const sentence of d.duties.split(/[。；;！!？?\n]/)) if (sentence.trim()) docs.push({ title: '', body: sentence.trim(), label: d.code });
  d.keywords.forEach((k, i) => {
    const group = `${d.code}:${k}`;
    docs.push({ title: k, body: '', label: d.code, group });
    for (let j = 0; j < FRAMES_PER_KEYWORD; j++) docs.push({ title: FRAMES[(FRAMES_PER_KEYWORD * i + j) % FRAMES.length].replace('{}', k), body: '', label: d.code, group });
  });
  return docs;
}

/**
 * The training documents: every department's own documents, the examples not held out, and the returns as
 * negative examples of the department that returned them (weighted by RETURN_WEIGHT).
 */
export function trainingDocuments(departments: DepartmentInfo[], examples: DepartmentExample[], returns: DepartmentExample[] = []): LabelledText[] {
  const docs: LabelledText[] = departments.flatMap(departmentDocuments);
  for (const e of examples) if (!isHeldOut(e.id)) docs.push({ title: e.title, body: e.body, label: e.departmentCode });
  for (const r of returns) docs.push({ title: r.title, body: r.body, label: r.departmentCode, negative: true, weight: RETURN_WEIGHT });
  return docs;
}

export interface HeldOutScores {
  n: number;
  macroF1: number | null;
  accuracy: number | null;
}

/** Scores a classifier on the held-out examples (null scores when there are none). */
export function heldOutScores(classifier: Classifier, examples: DepartmentExample[]): HeldOutScores {
  const held = examples.filter((e) => isHeldOut(e.id));
  if (!held.length) return { n: 0, macroF1: null, accuracy: null };
  const e = evaluate(
    held.map((x) => x.departmentCode),
    held.map((x) => classifier.top(x.title, x.body).label),
  );
  return { n: held.length, macroF1: round(e.macroF1), accuracy: round(e.accuracy) };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** The stored current version, if any (only `attributes` when given: the weights are large). */
export async function currentVersion(attributes?: string[]): Promise<RoutingModelVersion | null> {
  return RoutingModelVersion.findOne({ where: { status: 'current' }, order: [['id', 'DESC']], ...(attributes ? { attributes } : {}) });
}

/**
 * Whether a stored version was trained on another set of departments than the active ones (a department was
 * added, e.g. the production city's list was entered after the first start, or one was deactivated).
 */
export function departmentsChanged(row: RoutingModelVersion, departments: DepartmentInfo[]): boolean {
  let labels: unknown;
  try {
    labels = classifierOf(row).labels;
  } catch {
    return true;
  }
  const active = new Set(departments.map((d) => d.code));
  return !Array.isArray(labels) || labels.length !== active.size || labels.some((l) => !active.has(l as string));
}

/** The last classifiers rebuilt, by their stored text (a version's text never changes once stored). */
const rebuilt: { text: string; classifier: Classifier }[] = [];

/**
 * Rebuilds a stored version's classifier. The same stored text gives the same instance (a start-up reads the
 * current version to check it and then routes with it; a test file opens many copies of one city): a classifier
 * is only read once built, and each ranking runs synchronously, so routers may share it.
 */
export function classifierOf(row: RoutingModelVersion): Classifier {
  const text = row.model;
  const known = rebuilt.find((r) => r.text === text);
  if (known) return known.classifier;
  const classifier = new Classifier(parseClassifier(text));
  rebuilt.unshift({ text, classifier });
  rebuilt.length = Math.min(rebuilt.length, 2);
  return classifier;
}
