/** The suggestion feature: every use case, and the action name → use case table the adapters dispatch on. */
import type { SuggestionAction } from '../../contracts/enums';
import type { Actor, CoreContext } from '../context';
import type { Outcome } from '../result';
import { acceptSuggestion } from './acceptSuggestion';
import { answerCosign } from './answerCosign';
import { assignSuggestion } from './assignSuggestion';
import { closeSuggestion } from './closeSuggestion';
import { confirmRouting } from './confirmRouting';
import { decideExtension } from './decideExtension';
import { decideJoin } from './decideJoin';
import { decideRedo } from './decideRedo';
import { draftAnswer } from './draftAnswer';
import { forwardOpinion } from './forwardOpinion';
import { publishAnswer } from './publishAnswer';
import { rateAnswer } from './rateAnswer';
import { recordConsultation } from './recordConsultation';
import { rejectSuggestion } from './rejectSuggestion';
import { replyOpinion } from './replyOpinion';
import { requestToJoin } from './requestToJoin';
import { requestExtension } from './requestExtension';
import { returnSuggestion } from './returnSuggestion';
import { signSuggestion } from './signSuggestion';
import { submitCoOpinion } from './submitCoOpinion';
import { submitSuggestion } from './submitSuggestion';
import { urgeSuggestion } from './urgeSuggestion';
import { orderSuggestion } from './orderSuggestion';
import { withdrawSuggestion } from './withdrawSuggestion';

export { createSuggestion } from './createSuggestion';
export { updateDraft } from './updateDraft';
export { getSuggestion, type SuggestionView } from './getSuggestion';
export { listSuggestions, type SuggestionListView } from './listSuggestions';

type UseCase = (ctx: CoreContext, actor: Actor, id: number, input: unknown) => Promise<Outcome<{ id: number }>>;

/** The use case behind each `POST /api/suggestions/:id/:action`. */
export const SUGGESTION_USE_CASES: Record<SuggestionAction, UseCase> = {
  submit: submitSuggestion,
  withdraw: withdrawSuggestion,
  forward: forwardOpinion,
  reply: replyOpinion,
  accept: acceptSuggestion,
  reject: rejectSuggestion,
  assign: assignSuggestion,
  confirm: confirmRouting,
  sign: signSuggestion,
  return: returnSuggestion,
  opinion: submitCoOpinion,
  consult: recordConsultation,
  'request-extension': requestExtension,
  'decide-extension': decideExtension,
  'draft-answer': draftAnswer,
  'publish-answer': publishAnswer,
  rate: rateAnswer,
  'decide-redo': decideRedo,
  cosign: answerCosign,
  join: requestToJoin,
  'decide-join': decideJoin,
  close: closeSuggestion,
  urge: urgeSuggestion,
  order: orderSuggestion,
};
