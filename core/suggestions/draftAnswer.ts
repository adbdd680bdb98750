/** The lead department writes (or rewrites) the answer draft of the current round. */
import { ANSWER_CLASS_LABELS } from '../../contracts/labels';
import type { AnswerClass } from '../../contracts/enums';
import { AnswerModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import type { SuggestionFacts } from './facts';
import { performAction } from './perform';

/** Creates or updates the current round's draft answer. */
export async function saveDraftAnswer(facts: SuggestionFacts, actor: Actor, answerClass: AnswerClass, text: string): Promise<AnswerModel> {
  const s = facts.suggestion;
  const draft = facts.draftAnswer;
  if (draft) {
    draft.answerClass = answerClass;
    draft.text = text;
    draft.authorUserId = actor.id;
    return draft.save();
  }
  return AnswerModel.create({
    suggestionId: s.id,
    departmentId: actor.departmentId!,
    authorUserId: actor.id,
    round: s.round,
    answerClass,
    text,
    state: 'draft',
    publishedAt: null,
  });
}

/** Saves the draft answer; the state does not change. */
export function draftAnswer(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'draft-answer', input, async ({ facts, input }) => {
    await saveDraftAnswer(facts, actor, input.answerClass, input.text);
    return { note: `答复草稿（${input.answerClass} 类 ${ANSWER_CLASS_LABELS[input.answerClass]}）` };
  });
}
