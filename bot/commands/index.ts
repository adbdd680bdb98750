/** The command table: what each intent does (one file per command). */
import type { Turn } from '../turn';
import { accept } from './accept';
import { ack } from './ack';
import { answer } from './answer';
import { answerCosign } from './answerCosign';
import { attend } from './attend';
import { checkin } from './checkin';
import { confirm } from './confirm';
import { consult } from './consult';
import { cosign } from './cosign';
import { extend } from './extend';
import { forward } from './forward';
import { help } from './help';
import { join } from './join';
import { leave } from './leave';
import { meetings } from './meetings';
import { mySuggestions } from './mySuggestions';
import { notices } from './notices';
import { opinion } from './opinion';
import { othersAct } from './othersAct';
import { questionnaires } from './questionnaires';
import { queue } from './queue';
import { rate } from './rate';
import { reassign } from './reassign';
import { reject } from './reject';
import { resume } from './resume';
import { returnTask } from './returnTask';
import { showSuggestion } from './showSuggestion';
import { sign } from './sign';
import { suggest } from './suggest';
import { tasks } from './tasks';
import { urge } from './urge';
import { withdraw } from './withdraw';

export const COMMANDS: Record<string, (t: Turn) => Promise<void>> = {
  help,
  suggest,
  resume,
  mySuggestions,
  showSuggestion,
  rate,
  notices,
  ack,
  surveys: questionnaires,
  ballots: questionnaires,
  meetings,
  attend,
  leave,
  checkin,
  tasks,
  sign,
  return: returnTask,
  answer,
  extend,
  consult,
  opinion,
  queue,
  accept,
  reject,
  confirm,
  reassign,
  urge,
  forward,
  cosign,
  answerCosign,
  join,
  withdraw,
  othersAct,
};
