/** The questionnaires a person was asked to answer (or, for the office, all of them), with "answered" flags. */
import { Op } from 'sequelize';
import type { Question } from '../../contracts/engagement';
import { QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import type { Actor, CoreContext } from '../context';
import { notFound, forbidden, ok, type Outcome } from '../result';

/** The caller's questionnaires, newest first. */
export async function listQuestionnaires(ctx: CoreContext, actor: Actor): Promise<Outcome<{ q: QuestionnaireModel; answered: boolean; open: boolean }[]>> {
  const office = actor.role === 'office' || actor.role === 'admin';
  const ids = office ? null : (await RecipientModel.findAll({ where: { userId: actor.id } })).map((r) => r.questionnaireId);
  const qs = await QuestionnaireModel.findAll({ where: ids ? { id: { [Op.in]: ids } } : {}, order: [['id', 'DESC']], limit: 200 });
  const answered = new Set((await ResponseModel.findAll({ where: { userId: actor.id, questionnaireId: qs.map((q) => q.id) } })).map((r) => r.questionnaireId));
  const now = ctx.clock.now();
  return ok(qs.map((q) => ({ q, answered: answered.has(q.id), open: q.opensAt <= now && now < q.closesAt })));
}

/** One questionnaire with its questions and the caller's own answers. */
export async function getQuestionnaire(ctx: CoreContext, actor: Actor, id: number) {
  const q = Number.isInteger(id) ? await QuestionnaireModel.findByPk(id) : null;
  if (!q) return notFound('没有找到这份问卷') as Outcome<never>;
  const office = actor.role === 'office' || actor.role === 'admin';
  if (!office && !(await RecipientModel.findOne({ where: { questionnaireId: id, userId: actor.id } }))) return forbidden('你不在这份问卷的参与范围内') as Outcome<never>;
  const mine = await ResponseModel.findOne({ where: { questionnaireId: id, userId: actor.id } });
  const now = ctx.clock.now();
  return ok({ q, questions: JSON.parse(q.questions) as Question[], rules: JSON.parse(q.rules) as object, myAnswers: mine ? JSON.parse(mine.answers) : null, open: q.opensAt <= now && now < q.closesAt });
}
