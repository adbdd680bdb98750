/**
 * What each audience sees of a suggestion's timeline, progress and routing proposal — the one place that decides.
 *
 * Audiences: the citizen who handed in an opinion, deputies, the departments handling it, and the congress
 * office (with the admin). Citizens and deputies read plain steps (提交 → 交办 → 办理 → 答复 → 测评): internal
 * events (saving a draft answer, a co-handler's opinion, a return, an extension request) are hidden and the rest
 * reworded, without office jargon or answer-class letters. Departments and the office read the full record.
 * The routing proposal shows its confidence as 高/中/低 with reasons; departments below a floor are not listed,
 * and deciding words are only whole words of the letter (a fragment such as 上下 out of 上下楼 is dropped).
 */
import {
  ACTION_BUTTON_LABELS,
  ACTION_EFFECTS,
  ACTION_EFFECTS_FOR_VIEWER,
  ACTION_EFFECTS_IN_STATE,
  ACTION_LABELS,
  readableNote,
  dueDate,
  IRREVERSIBLE_ACTIONS,
  ANSWER_CLASS_LABELS,
  CONFIDENCE_LABELS,
  PROGRESS_STEP_LABELS,
  PROGRESS_STEPS,
  STATE_LABELS,
  type AnswerClass,
  type Viewer,
  type ConfidenceLevel,
  type ProgressStepKey,
  type Role,
  type SuggestionAction,
  type SuggestionEventKind,
  type SuggestionState,
} from '../../contracts';
import type { Deadlines, NextStep, PresentedRouting, ProgressStep, RoutedDepartment, RoutingProposal, SuggestionProgress, TimelineEvent } from '../../contracts/schemas';
import { GENERIC, wholeWords } from '../../core/routing/classifier';
import { normalise } from '../../core/routing/features';
import { iso } from './format';
import { workingDaysLeft } from '../../core/calendar/workdays';
import { provisionalDue } from '../../core/suggestions/deadlines';

/** The audience a signed-in person belongs to for reading suggestions. */
export function viewerOf(actor: { role: Role }): Viewer {
  switch (actor.role) {
    case 'citizen':
      return 'citizen';
    case 'staff':
      return 'department';
    case 'office':
    case 'admin':
      return 'office';
    default:
      // Deputies; the chat bot's own account reads as a deputy would (it speaks for bound deputies).
      return 'deputy';
  }
}

/** Whether an audience reads the plain version (no office jargon, internal steps hidden). */
export const readsPlain = (a: Viewer): boolean => a === 'citizen' || a === 'deputy';

/** A timeline row as stored (the event table). */
export interface StoredEvent {
  id: number;
  action: string;
  fromState: string | null;
  toState: string | null;
  actorUserId: number;
  actorName: string;
  actorRole: string;
  note: string | null;
  data: string | null;
  createdAt: Date;
}

const dataOf = (e: StoredEvent): Record<string, unknown> => {
  if (!e.data) return {};
  try {
    const v = JSON.parse(e.data);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Who did it, as a citizen or deputy reads it: people by name, staff as their role, never a clerk's name. */
function plainActorName(e: StoredEvent): string {
  if (e.actorRole === 'deputy' || e.actorRole === 'citizen') return e.actorName;
  if (e.actorRole === 'staff') return '承办单位';
  return '人大机关';
}

/** "主办：A；协办：B、C" out of an assignment note → "由 A 主办，B、C 协办". */
function plainAssignment(note: string | null): string | null {
  const m = note?.match(/主办：([^；。]+)(?:；协办：([^。]+))?/);
  if (!m) return null;
  return `由${m[1]}主办${m[2] ? `，${m[2]}协办` : ''}`;
}

/** Strips the parenthesised office explanation from a rating note: "不满意：…（重新办理，… 前再次答复）" → "不满意：…". */
function plainRatingNote(note: string | null): string | null {
  if (!note) return null;
  return note.replace(/（(?:重新办理|第 \d+ 轮答复仍不满意)[^）]*）$/, '').replace(/^群众测评：/, '');
}

interface PlainLine {
  label: string;
  note: string | null;
}

/**
 * One event as a citizen or deputy reads it, or null when it is internal to the office and departments. Both
 * read the same words; a deputy also sees the co-signing steps of their own suggestion.
 */
function plainLine(e: StoredEvent, audience: 'citizen' | 'deputy'): PlainLine | null {
  const d = dataOf(e);
  switch (e.action as SuggestionEventKind) {
    case 'edit':
      return { label: '修改', note: null };
    case 'submit':
      return { label: '提交', note: null };
    case 'withdraw':
      return { label: '撤回', note: e.note };
    case 'forward':
      return { label: '代表转为建议', note: null };
    case 'reply':
      return { label: '代表答复', note: e.note };
    case 'accept':
      return { label: '审查通过', note: null };
    case 'reject':
      return { label: '不予立案，留作参考', note: e.note };
    case 'assign':
    case 'confirm':
      return { label: '交办', note: plainAssignment(e.note) };
    case 'sign':
      // Only the lead department's signing moves it on; a co-handler signing is internal.
      return e.toState === 'handling' && e.fromState !== 'handling' ? { label: '开始办理', note: null } : null;
    case 'consult':
      return { label: '承办单位与代表沟通', note: null };
    case 'decide-extension':
      return d.approve === true ? { label: '办理期限延长', note: null } : null;
    case 'publish-answer': {
      const cls = d.answerClass as AnswerClass | undefined;
      return { label: '答复', note: cls && ANSWER_CLASS_LABELS[cls] ? `办理结果：${ANSWER_CLASS_LABELS[cls]}` : null };
    }
    case 'rate':
      return { label: '测评', note: plainRatingNote(e.note) };
    case 'decide-redo':
      return d.redo === true ? { label: '重新办理', note: null } : { label: '办结', note: null };
    case 'close':
      return { label: '办结', note: null };
    case 'urge':
    case 'order':
      return { label: '人大督办', note: null };
    case 'cosign':
      return audience === 'deputy' ? { label: '答复附议邀请', note: e.note } : null;
    case 'join':
      return audience === 'deputy' ? { label: '申请附议', note: e.note } : null;
    case 'decide-join':
      return audience === 'deputy' ? { label: '答复附议申请', note: e.note } : null;
    // Internal: drafts, edits, co-handler opinions, returns, extension requests, recounted deadlines.
    default:
      return null;
  }
}

/** The timeline as `audience` reads it. */
export function presentTimeline(events: readonly StoredEvent[], audience: Viewer): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const e of events) {
    const base = {
      id: e.id,
      action: e.action as SuggestionEventKind,
      from: e.fromState as SuggestionState | null,
      to: e.toState as SuggestionState | null,
      at: iso(e.createdAt)!,
    };
    if (!readsPlain(audience)) {
      // Notes stored before the confidence left them carried it as a percentage (确认分办建议（把握 100%）).
      const note = readableNote(e.note?.replace(/^确认分办建议（把握 \d+%）。/, '按分办建议交办。') ?? null);
      out.push({ ...base, label: ACTION_LABELS[e.action as SuggestionEventKind] ?? e.action, actor: { id: e.actorUserId, name: e.actorName, role: e.actorRole as Role }, note });
      continue;
    }
    const line = plainLine(e, audience as 'citizen' | 'deputy');
    if (!line) continue;
    out.push({ ...base, label: line.label, actor: { id: e.actorUserId, name: plainActorName(e), role: e.actorRole as Role }, note: readableNote(line.note) });
  }
  return out;
}

// ---------- progress ----------

const STEPS = PROGRESS_STEPS;

/** Where each state stands on the five steps: the step in progress (STEPS.length = all done). */
const CURRENT: Record<SuggestionState, number> = {
  draft: 0,
  received: 1,
  submitted: 1,
  accepted: 1,
  assigned: 2,
  handling: 2,
  answered: 4,
  awaiting_office: 4,
  closed: 5,
  referenced: 1,
  withdrawn: 1,
  replied: 5,
};

/** A plain hint for the step in progress. */
function currentHint(state: SuggestionState, round: number): string {
  switch (state) {
    case 'draft':
      return '草稿，还没有提交';
    case 'received':
      return '等代表处理';
    case 'submitted':
      return '人大机关审查中';
    case 'accepted':
      return '等待交办给承办单位';
    case 'assigned':
      return '等承办单位签收';
    case 'handling':
      return round > 1 ? `重新办理中（第 ${round} 轮）` : '承办单位办理中';
    case 'answered':
      return '已答复，等待测评';
    case 'awaiting_office':
      return '人大机关研究决定中';
    default:
      return STATE_LABELS[state];
  }
}

/**
 * The progress stepper of a suggestion (提交 → 交办 → 办理 → 答复 → 测评): which steps are done (with the day
 * they happened), which one is in progress, and how it ended if it stopped early (不予立案, 撤回, 代表直接答复).
 */
export function presentProgress(state: SuggestionState, round: number, events: readonly StoredEvent[]): Omit<SuggestionProgress, 'summary' | 'next'> {
  // Only the latest round counts for the later steps: a redo takes 办理 back to "in progress".
  const lastRedo = Math.max(
    -1,
    ...events.map((e, i) => ((e.action === 'rate' || e.action === 'decide-redo') && e.toState === 'handling' ? i : -1)),
  );
  const latest = (actions: string[], after = -1, when: (e: StoredEvent) => boolean = () => true): Date | null => {
    for (let i = events.length - 1; i > after; i--) if (actions.includes(events[i].action) && when(events[i])) return events[i].createdAt;
    return null;
  };
  const at: Record<ProgressStepKey, Date | null> = {
    submit: latest(['submit']),
    assign: latest(['assign', 'confirm']),
    handle: latest(['sign'], -1, (e) => e.toState === 'handling') ?? (lastRedo >= 0 ? events[lastRedo].createdAt : null),
    answer: latest(['publish-answer', 'reply'], lastRedo),
    rate: latest(['rate', 'decide-redo', 'close'], lastRedo, (e) => e.toState === 'closed' || e.toState === 'awaiting_office' || e.action === 'rate'),
  };
  if (lastRedo >= 0) at.handle = events[lastRedo].createdAt;
  const current = CURRENT[state];
  const ended = state === 'referenced' || state === 'withdrawn' || state === 'replied';
  const steps: ProgressStep[] = STEPS.map((key, i) => {
    let status: ProgressStep['status'] = i < current ? 'done' : i === current ? 'current' : 'todo';
    if (state === 'replied' && (key === 'assign' || key === 'handle' || key === 'rate')) status = 'skipped';
    if (ended && state !== 'replied' && i >= current) status = 'skipped';
    const label = state === 'replied' && key === 'answer' ? '代表答复' : PROGRESS_STEP_LABELS[key];
    return {
      key,
      label,
      status,
      at: status === 'done' || status === 'current' ? iso(at[key]) : null,
      hint: status === 'current' ? currentHint(state, round) : null,
    };
  });
  const end = ended ? latest(state === 'referenced' ? ['reject'] : state === 'withdrawn' ? ['withdraw'] : ['reply']) : null;
  return {
    steps,
    current: steps.find((s) => s.status === 'current')?.key ?? null,
    finished: state === 'closed' || ended,
    ended: ended ? { label: STATE_LABELS[state], at: iso(end) } : null,
  };
}

// ---------- the routing proposal ----------

/** Departments under this score are not shown at all (a 3 % runner-up tells a person nothing). */
export const DEPARTMENT_FLOOR = 0.1;

/**
 * Confidence as a person reads it: 高 when one tap may confirm it, 中 above half the threshold, else 低 — and
 * never 高 or 中 without a deciding word a person would accept.
 */
export function confidenceLevel(p: Pick<RoutingProposal, 'confidence' | 'threshold' | 'needsReview' | 'lead'>): ConfidenceLevel {
  if (p.lead && !p.needsReview && p.confidence >= p.threshold && p.lead.why.length > 0) return 'high';
  if (p.lead && p.confidence >= Math.max(DEPARTMENT_FLOOR, p.threshold / 2) && p.lead.why.length > 0) return 'medium';
  return 'low';
}

/**
 * Keeps only deciding words a person would accept: two or more characters, not a word every letter uses, and a
 * whole word (or two adjacent whole words) of the letter as jieba cuts it — or a longer phrase found in it as
 * written. Without the letter's text (a preview of nothing) the words are kept as they are.
 */
export function acceptableWords(words: readonly string[], text?: { title: string; body: string | null }): string[] {
  // A list row read without its body (no proposal to show) checks against the title alone.
  const body = text?.body ?? '';
  const whole = text ? wholeWords(text.title ?? '', body, Number.MAX_SAFE_INTEGER) : null;
  const flat = text ? normalise(`${text.title ?? ''} ${body}`).replace(/\s+/g, '') : '';
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.trim();
    const n = normalise(w).replace(/\s+/g, '');
    if ([...w].length < 2 || GENERIC.has(w) || out.includes(w)) continue;
    if (whole && !whole.has(n) && !(n.length >= 3 && flat.includes(n))) continue;
    out.push(w);
  }
  return out;
}

/** The reasons behind a proposal, in plain Chinese, for the office deciding on it. */
function reasons(p: RoutingProposal, lead: RoutedDepartment | null, shown: RoutedDepartment[], level: ConfidenceLevel): string[] {
  const out: string[] = [];
  if (!lead) return ['没有找到能说明归属的词语，请人工选择承办单位'];
  out.push(lead.why.length ? `来信提到“${lead.why.join('”“')}”，属于${lead.name}的职责` : `没有找到能说明归属的词语，${lead.name}只是模型的首选`);
  const second = shown.find((d) => d.code !== lead.code);
  if (second && lead.score - second.score < 0.2) out.push(`${second.name}也有可能（两者接近，请核对）`);
  for (const c of p.co) if (shown.some((d) => d.code === c.code) && c.why.length) out.push(`另涉及“${c.why.join('”“')}”，建议${c.name}协办`);
  if (level === 'high') out.push('把握高，可一键确认交办');
  else if (level === 'medium') out.push('把握中等，请核对后交办');
  else out.push('把握低，请人工选择承办单位');
  return out;
}

/**
 * The routing proposal as `audience` reads it, or null when it is none of theirs (citizens never see it).
 * Departments under the floor are dropped, deciding words must be whole words of the letter, and the
 * confidence comes with its level (高/中/低) and the reasons.
 */
export function presentRouting(p: RoutingProposal | null, audience: Viewer, text?: { title: string; body: string | null }): PresentedRouting | null {
  if (!p || audience === 'citizen') return null;
  const clean = (d: RoutedDepartment): RoutedDepartment => ({ ...d, why: acceptableWords(d.why, text) });
  const lead = p.lead ? clean(p.lead) : null;
  const departments = p.departments.filter((d, i) => (i === 0 && lead && d.code === lead.code) || d.score >= DEPARTMENT_FLOOR).map(clean);
  const co = p.co.filter((d) => d.score >= DEPARTMENT_FLOOR).map(clean);
  const level = confidenceLevel({ ...p, lead });
  const shown = { ...p, lead, co, departments };
  return {
    ...shown,
    confidenceLevel: level,
    confidenceLabel: CONFIDENCE_LABELS[level],
    reasons: audience === 'office' ? reasons(shown, lead, departments, level) : reasons(shown, lead, departments, level).slice(0, 1),
  };
}

/**
 * The caller's actions as buttons: the label for this state, what pressing it does (worded for this audience),
 * and for irreversible ones the question to ask first.
 */
export function presentActions(actions: readonly SuggestionAction[], state: SuggestionState, audience: Viewer = 'office') {
  return actions.map((action) => {
    const confirm = IRREVERSIBLE_ACTIONS[action] ?? null;
    return {
      action,
      label: ACTION_BUTTON_LABELS[state]?.[action] ?? ACTION_LABELS[action],
      effect: ACTION_EFFECTS_FOR_VIEWER[audience]?.[action] ?? ACTION_EFFECTS_IN_STATE[state]?.[action] ?? ACTION_EFFECTS[action],
      irreversible: confirm !== null,
      confirm,
    };
  });
}

// ---------- where it is and who acts next ----------

/** What the plain sentences need to know of a suggestion, beside its state. */
export interface PlainFacts {
  state: SuggestionState;
  round: number;
  source: string;
  /** The lead department's name, once assigned. */
  lead: string | null;
  /** The deputy who leads it (the author, or the deputy who forwarded a citizen's opinion). */
  deputy: string | null;
  /** To whom a citizen's opinion went: 张三代表, or a liaison station's name. */
  addressee: string | null;
  deadlines: Deadlines;
  /** What the reader may do now (the API's `actions`). */
  actions: readonly SuggestionAction[];
  /** Today in China (YYYY-MM-DD), for the days left on clocks `deadlines.next` does not carry. */
  today: string;
  audience: Viewer;
}

/** Where the suggestion is, in one plain sentence worded for `f.audience`. */
export function presentSummary(f: PlainFacts): string {
  const citizen = f.audience === 'citizen';
  const lead = f.lead ?? '承办单位';
  const addressee = f.addressee ?? '代表';
  switch (f.state) {
    case 'draft':
      return '这是草稿，还没有提交。';
    case 'received':
      if (citizen) return `您的意见已送到${addressee}。`;
      return f.actions.includes('reply') || f.actions.includes('forward') ? '群众写给您的意见，还没有处理。' : `群众写给${addressee}的意见，还没有处理。`;
    case 'submitted':
      return citizen ? '代表已把您的意见转为建议，人大机关正在审查。' : '已提交，人大机关正在审查是否立案。';
    case 'accepted':
      return citizen ? '人大已经受理，正在确定由哪个部门办理。' : '已立案，人大机关正在确定承办单位。';
    case 'assigned':
      return `已交给${lead}办理，等待签收。`;
    case 'handling':
      return f.round > 1 ? `${lead}正在重新办理（第 ${f.round} 轮）。` : `${lead}正在办理。`;
    case 'answered':
      return citizen ? `${lead}已经答复，请看下面的答复内容。` : `${lead}已经答复，等待代表测评。`;
    case 'awaiting_office':
      return '代表对再次答复仍不满意，人大机关正在决定是否再办一轮。';
    case 'closed':
      return '已经办结。';
    case 'referenced':
      // The reason is shown beside it (rejectReason), in the reader's own words.
      return '人大审查后没有立案，留作工作参考。';
    case 'withdrawn':
      return '已经撤回，不再办理。';
    case 'replied':
      return citizen ? `${addressee}已经直接答复您，请看下面的答复。` : '代表已直接答复群众，不再转交办理。';
  }
}

/** Working days left as a person reads it: 还剩 5 个工作日, 今天到期, 已逾期 3 个工作日. */
function daysLeftText(left: number): string {
  if (left < 0) return `已逾期 ${-left} 个工作日`;
  return left === 0 ? '今天到期' : `还剩 ${left} 个工作日`;
}

/**
 * Who acts next and by when, worded for `f.audience` ("轮到您" when the reader's own actions move it on), or null
 * once nothing more will happen. Due days are China calendar days, written with the weekday.
 */
export function presentNextStep(f: PlainFacts): NextStep | null {
  const has = (...a: SuggestionAction[]) => a.some((x) => f.actions.includes(x));
  const lead = f.lead ?? '承办单位';
  const answerClock = f.deadlines.next && (f.deadlines.next.kind === 'answer' || f.deadlines.next.kind === 'redo') ? f.deadlines.next : null;
  const answerDue = f.deadlines.answerBy ?? f.deadlines.redoBy;
  // A day counted through a year whose holidays are not published yet says so (2027年3月1日（星期一，暂定）).
  const due = (day: string) => dueDate(day, f.deadlines.provisional && provisionalDue(null, day), true);
  const clock = (due: string | null) => (due ? { due, left: answerClock && answerClock.date === due ? answerClock.workingDaysLeft : workingDaysLeft(f.today, due) } : null);
  /** who + what; with a clock, "by then" either as the same verb (在…前答复) or as a second clause (，…前答复). */
  const step = (who: string, you: boolean, what: string, c: { due: string; left: number } | null = null, dueVerb?: string, extra = ''): NextStep => {
    const by = c ? `${due(c.due)}前` : '';
    let text: string;
    if (!c) text = you ? `轮到您：${what}。` : `下一步：${who}${what}。`;
    else if (!dueVerb) text = you ? `轮到您：请在${by}${what}（${daysLeftText(c.left)}）。` : `下一步：${who}在${by}${what}（${daysLeftText(c.left)}）。`;
    else text = you ? `轮到您：${what}，${by}${dueVerb}（${daysLeftText(c.left)}）。` : `下一步：${who}${what}，${by}${dueVerb}（${daysLeftText(c.left)}）。`;
    return { who: you ? '您' : who, you, what, due: c?.due ?? null, workingDaysLeft: c?.left ?? null, text: text + extra };
  };
  const again = f.round > 1;
  switch (f.state) {
    case 'draft':
      return step('作者', has('submit'), '修改好后提交');
    case 'received':
      if (has('reply', 'forward')) return step('代表', true, '答复群众，或转为建议交人大机关办理');
      return step(f.addressee ?? '代表', false, f.audience === 'citizen' ? '答复您，或把它转为建议交人大办理' : '答复群众，或转为建议');
    case 'submitted':
      return step('人大机关', has('accept', 'reject', 'confirm'), '审查是否立案');
    case 'accepted':
      return step('人大机关', has('assign', 'confirm'), '选定承办单位交办');
    case 'assigned': {
      const you = has('sign');
      const returnBy = you && has('return') && f.deadlines.returnBy && f.today <= f.deadlines.returnBy ? f.deadlines.returnBy : null;
      const extra = returnBy ? `不属于本单位职责的，请在${due(returnBy)}前退回。` : '';
      return step(lead, you, '签收并开始办理', clock(answerDue), again ? '重新答复' : '答复', extra);
    }
    case 'handling':
      if (has('draft-answer', 'publish-answer')) return step(lead, true, again ? '重新答复' : '答复代表', clock(answerDue));
      if (has('opinion') && f.deadlines.coOpinionBy) return step(lead, true, '向主办单位提交协办意见', clock(f.deadlines.coOpinionBy));
      return step(lead, false, again ? '重新答复' : '答复', clock(answerDue));
    case 'answered':
      if (has('rate')) return step('您', true, f.audience === 'citizen' ? '看过答复后，说说您是否满意' : '看过答复后测评是否满意');
      return step(f.deputy ? `${f.deputy}代表` : '代表', false, '测评是否满意');
    case 'awaiting_office':
      return step('人大机关', has('decide-redo'), '决定就此办结还是再办一轮');
    default:
      return null;
  }
}
