/**
 * The department routing model of the product: what it is trained on (the departments' duty keywords and
 * duties plus every labelled example the office has produced), which examples are held out to score it, and
 * how versions are stored. The classifier is the one `npm run routing:train` and the benchmark use.
 */
import { Op } from 'sequelize';
import { DepartmentModel, RoutingExampleModel, RoutingModelVersion } from '../../models/definitions';
import { Classifier, DEFAULT_CLASSIFIER, parseClassifier, type ClassifierOptions, type LabelledText } from './classifier';
import { evaluate } from './metrics';
import { parseKeywords } from './keywords';

/**
 * The product's choices on top of the defaults: every term counts (a department's keyword may occur once),
 * and no per-label bias tuning (with 31 departments and a few hundred examples it would fit noise).
 */
export const DEPARTMENT_CLASSIFIER: ClassifierOptions = {
  ...DEFAULT_CLASSIFIER,
  features: { ...DEFAULT_CLASSIFIER.features, minDf: 1 },
  tuneBias: false,
};

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
}

/** Active departments with their keywords. */
export async function loadDepartments(): Promise<DepartmentInfo[]> {
  const rows = await DepartmentModel.findAll({ where: { active: true }, order: [['id', 'ASC']] });
  return rows.map((d) => ({ code: d.code, name: d.name, duties: d.duties ?? '', keywords: parseKeywords(d.keywords) }));
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

/** The training documents: each keyword alone, each department's duties, and the examples not held out. */
export function trainingDocuments(departments: DepartmentInfo[], examples: DepartmentExample[]): LabelledText[] {
  const docs: LabelledText[] = [];
  for (const d of departments) {
    for (const k of d.keywords) docs.push({ title: k, body: '', label: d.code });
    if (d.duties) docs.push({ title: '', body: d.duties, label: d.code });
  }
  for (const e of examples) if (!isHeldOut(e.id)) docs.push({ title: e.title, body: e.body, label: e.departmentCode });
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

/** Rebuilds a stored version's classifier. */
export function classifierOf(row: RoutingModelVersion): Classifier {
  return new Classifier(parseClassifier(row.model));
}
