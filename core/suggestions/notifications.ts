/**
 * Who hears of which suggestion event (DESIGN.md: named events published from the use cases). Written in the
 * same transaction as the change, through the outbox.
 */
import type { SuggestionAction, SuggestionState } from '../../contracts/enums';
import { ANSWER_CLASS_LABELS } from '../../contracts/labels';
import type { AnswerClass } from '../../contracts/enums';
import { AssignmentModel } from '../../models/definitions';
import { notify, officeFor, staffOf } from '../notifications/notify';
import type { SuggestionFacts } from './facts';

/** Sends the notices that `action` (recorded as event `eventId`) calls for. */
export async function publishSuggestionEvent(action: SuggestionAction | 'reschedule', f: SuggestionFacts, to: SuggestionState, eventId: number, now: Date, note: string | null): Promise<void> {
  const s = f.suggestion;
  const ref = { refType: 'suggestion', refId: s.id, key: `suggestion-event:${eventId}` };
  const active = async (role?: string) =>
    (await AssignmentModel.findAll({ where: { suggestionId: s.id, active: true, ...(role ? { role } : {}) } })).map((a) => a.departmentId);
  switch (action) {
    case 'assign':
    case 'confirm':
      await notify(await staffOf(await active()), { ...ref, kind: 'suggestion.assigned', title: `新交办建议：${s.title}`, body: `请在 ${s.returnDueOn} 前签收或退回，答复期限 ${s.answerDueOn}。` }, now);
      return;
    case 'return':
      await notify(await officeFor(f.regionPath), { ...ref, kind: 'suggestion.returned', title: `建议被退回：${s.title}`, body: note ?? '' }, now);
      return;
    case 'publish-answer': {
      const people = [s.deputyUserId, s.citizenUserId, ...f.cosignerIds].filter((x): x is number => x !== null);
      const cls = f.draftAnswer?.answerClass as AnswerClass | undefined;
      await notify(people, { ...ref, kind: 'suggestion.answered', title: `建议已答复：${s.title}`, body: cls ? `答复类别：${cls} 类（${ANSWER_CLASS_LABELS[cls]}），请查看并测评。` : '请查看答复并测评。' }, now);
      return;
    }
    case 'rate':
      if (to === 'handling') {
        await notify(await staffOf(await active('lead')), { ...ref, kind: 'suggestion.dissatisfied', title: `代表对答复不满意：${s.title}`, body: `${note ?? ''}。请在 ${s.redoDueOn} 前重新答复。` }, now);
      }
      return;
    case 'decide-extension':
      await notify(await staffOf(await active('lead')), { ...ref, kind: 'suggestion.extension', title: `延期申请已审批：${s.title}`, body: note ?? '' }, now);
      return;
    case 'urge':
    case 'order': {
      const label = action === 'urge' ? '催办通知' : '责令书';
      const people = [...(await staffOf(await active())), ...(await officeFor(f.regionPath))];
      await notify(people, { ...ref, kind: `suggestion.${action}`, title: `${label}：${s.title}`, body: note ?? '' }, now);
      return;
    }
    case 'reschedule':
      await notify(await staffOf(await active()), { ...ref, kind: 'suggestion.rescheduled', title: `办理期限调整：${s.title}`, body: note ?? '' }, now);
      return;
    default:
      return;
  }
}
