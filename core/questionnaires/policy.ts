/**
 * Questionnaire rules in one place: who publishes (office, admin), who may know a questionnaire exists (the shared
 * scoping rule: an office outside its region does not), who answers (its recipients) and who reads results (the
 * managing office; the voters of a ballot or an evaluation once it has closed).
 */
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import type { Actor } from '../context';
import { isOfficeOrAdmin, officeCovers } from '../directory/scope';
import { regionPathOf } from '../directory/regionPath';
import { idOf } from '../useCase';
import { chinaTime } from '../../contracts/format';

export const QUESTIONNAIRE_NOT_FOUND = '没有找到这份问卷';
export const NOT_RECIPIENT = '你不在这份问卷的参与范围内';

/** A questionnaire with what its rules need. */
export interface QuestionnaireFacts {
  q: QuestionnaireModel;
  regionPath: string | null;
  recipient: boolean;
  mine: ResponseModel | null;
}

/** Loads questionnaire `key` with the caller's place in it, or null. */
export async function loadQuestionnaire(key: unknown, actor: Actor, lock = false): Promise<QuestionnaireFacts | null> {
  const id = idOf(key);
  const q = id ? await QuestionnaireModel.findByPk(id, lock ? { lock: true } : {}) : null;
  if (!q) return null;
  const [regionPath, recipient, mine] = await Promise.all([
    regionPathOf(q.regionId),
    RecipientModel.findOne({ where: { questionnaireId: q.id, userId: actor.id } }),
    ResponseModel.findOne({ where: { questionnaireId: q.id, userId: actor.id }, ...(lock ? { lock: true } : {}) }),
  ]);
  return { q, regionPath, recipient: recipient !== null, mine };
}

/** The kernel steps that find a questionnaire for the caller: load (locked when answering), 404 message, visibility. */
export function questionnaireSubject(lock: boolean) {
  return { load: (id: number, _ctx: unknown, actor: Actor) => loadQuestionnaire(id, actor, lock), notFound: QUESTIONNAIRE_NOT_FOUND, visible: canSeeQuestionnaire };
}

/** Whether the actor publishes questionnaires at all. */
export function publishes(actor: Actor): boolean {
  return isOfficeOrAdmin(actor);
}

/** Whether the actor manages this questionnaire: the admin, or an office whose subtree holds its region. */
export function manages(actor: Actor, f: QuestionnaireFacts): boolean {
  return officeCovers(actor, f.regionPath);
}

/** An office outside the questionnaire's region does not learn it exists (404); others are told whether they take part. */
export function canSeeQuestionnaire(actor: Actor, f: QuestionnaireFacts): boolean {
  return f.recipient || !isOfficeOrAdmin(actor) || manages(actor, f);
}

/** Whether the questionnaire takes answers at `now`. */
export function isOpen(q: QuestionnaireModel, now: Date): boolean {
  return q.opensAt <= now && now < q.closesAt;
}

/** Why the actor may not read these results at all (403): only the managing office and, for ballots and evaluations, the voters. */
export function resultsRefusal(actor: Actor, f: QuestionnaireFacts): string | null {
  if (manages(actor, f)) return null;
  return f.recipient && f.q.kind !== 'survey' ? null : '结果由人大工作人员汇总发布';
}

/** Why a voter may not read the results yet (409): a ballot's or an evaluation's are published when it closes (an evaluation's at once to who answered). */
export function resultsNotYet(actor: Actor, f: QuestionnaireFacts, now: Date): string | null {
  if (manages(actor, f) || (f.q.kind === 'evaluation' && f.mine) || now >= f.q.closesAt) return null;
  return `${f.q.kind === 'ballot' ? '票决' : '测评'}结束（${chinaTime(f.q.closesAt)}）后公布结果`;
}
