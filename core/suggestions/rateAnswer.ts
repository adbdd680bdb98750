/**
 * The lead deputy rates the answer (测评): satisfied or basically satisfied closes the suggestion;
 * dissatisfied with the first answer sends it back to the lead department for a new answer within 15 days;
 * dissatisfied again after a redo leaves the decision to the congress office (`decide-redo`: close it with its
 * note, or order one more round). The citizen who started an opinion rates too, for the record, without moving
 * the suggestion.
 */
import { RATING_LABELS } from '../../contracts/labels';
import { RatingModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { invalid } from '../result';
import { redoDeadline } from './deadlines';
import { fail } from '../useCase';
import { performAction } from './perform';
import { chinaDate } from '../../contracts/format';

/** answered → closed, or → handling (redo) when dissatisfied with the first answer, or → awaiting_office after that. */
export function rateAnswer(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'rate', input, async ({ facts, now, today, input }) => {
    const s = facts.suggestion;
    if (input.rating === 'dissatisfied' && !input.comment) fail(invalid('选择“不满意”时请写明理由，承办单位会据此重新办理'));
    await RatingModel.create({
      suggestionId: s.id,
      userId: actor.id,
      raterRole: actor.role,
      round: s.round,
      rating: input.rating,
      comment: input.comment ?? null,
      createdAt: now,
    });
    const label = RATING_LABELS[input.rating];
    const note = input.comment ? `${label}：${input.comment}` : label;
    // The dashboard counts the lead deputy's latest rating from the suggestion itself.
    if (actor.role === 'deputy') s.latestRating = input.rating;
    if (actor.role === 'citizen') return { note: `群众测评：${note}`, data: { rating: input.rating } };
    if (input.rating !== 'dissatisfied') {
      s.closedAt = now;
      return { to: 'closed', note, data: { rating: input.rating } };
    }
    if (s.round > 1) {
      return { to: 'awaiting_office', note: `${note}（第 ${s.round} 轮答复仍不满意，由人大机关决定办结或再次重新办理）`, data: { rating: input.rating } };
    }
    s.round += 1;
    s.redoDueOn = redoDeadline(today);
    s.answerDueOn = s.redoDueOn;
    s.answeredAt = null;
    return { to: 'handling', note: `${note}（重新办理，${chinaDate(s.redoDueOn)}前再次答复）`, data: { rating: input.rating, redoDueOn: s.redoDueOn } };
  });
}
