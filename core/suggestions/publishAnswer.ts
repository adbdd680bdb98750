/** The lead department publishes its signed-off answer: an outcome class A–D and the text are required. */
import { ANSWER_CLASS_LABELS } from '../../contracts/labels';
import type { AnswerClass } from '../../contracts/enums';
import type { Actor, CoreContext } from '../context';
import { invalid } from '../result';
import { saveDraftAnswer } from './draftAnswer';
import { fail } from '../useCase';
import { performAction } from './perform';

/** handling → answered, publishing the draft (or the class and text given now). */
export function publishAnswer(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'publish-answer', input, async ({ facts, now, input }) => {
    const answerClass = (input.answerClass ?? facts.draftAnswer?.answerClass) as AnswerClass | undefined;
    const text = input.text ?? facts.draftAnswer?.text;
    if (!answerClass || !text) fail(invalid('请先填写答复类别（A/B/C/D）和答复正文'));
    const answer = await saveDraftAnswer(facts, actor, answerClass, text);
    answer.state = 'published';
    answer.publishedAt = now;
    await answer.save();
    facts.suggestion.answeredAt = now;
    // The dashboard counts answer classes from the suggestion's latest outcome.
    facts.suggestion.latestAnswerClass = answerClass;
    return { to: 'answered', note: `${answerClass} 类：${ANSWER_CLASS_LABELS[answerClass]}`, data: { answerId: answer.id, answerClass } };
  });
}
