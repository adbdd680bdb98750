/**
 * A recipient answers: a survey's answers may be changed until it closes; a ballot is cast once and an
 * over-vote is refused; an evaluation is one of 满意 / 基本满意 / 不满意.
 */
import { AnswerRequest, type Question } from '../../contracts/engagement';
import type { QuestionnaireKind } from '../../contracts/enums';
import { ResponseModel } from '../../models/engagement';
import { invalid } from '../result';
import { useCase } from '../useCase';
import { NOT_RECIPIENT, questionnaireSubject } from './policy';
import { checkAnswers, type AnswerValue } from './rules';

/** Stores the caller's answers; returns whether an earlier answer was replaced. */
export const answerQuestionnaire = useCase({
  name: 'questionnaires.answer',
  input: AnswerRequest,
  ...questionnaireSubject(true),
  who: ({ subject }) => (subject.recipient ? null : NOT_RECIPIENT),
  when: ({ subject: { q, mine }, now }) =>
    now < q.opensAt ? '还没有开始，请稍后再来' : now >= q.closesAt ? '已经截止，不能再提交' : mine && q.kind === 'ballot' ? '你已经投过票了，每人只能投一次' : null,
  apply: async ({ actor, input, subject: { q, mine }, now }) => {
    const answers = checkAnswers(JSON.parse(q.questions) as Question[], input.answers as Record<string, AnswerValue>, q.kind as QuestionnaireKind);
    if (typeof answers === 'string') return invalid(answers);
    if (mine) {
      mine.answers = JSON.stringify(answers);
      mine.updatedAt = now;
      await mine.save();
      return { updated: true };
    }
    await ResponseModel.create({ questionnaireId: q.id, userId: actor.id, answers: JSON.stringify(answers), createdAt: now, updatedAt: now });
    return { updated: false };
  },
});
