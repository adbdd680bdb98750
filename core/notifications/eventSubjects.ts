/**
 * What the event table's texts and audiences read about an event's subject (a suggestion, a meeting, a
 * questionnaire, a notice), loaded after the change inside the same transaction, and the named audiences of each
 * kind of subject resolved to user ids.
 */
import { Op } from 'sequelize';
import { AssignmentModel, CosignerModel, DepartmentModel, RegionModel, StationModel, SuggestionModel, UserModel } from '../../models/definitions';
import { InviteeModel, MeetingModel, NoticeModel, QuestionnaireModel, RecipientModel, ResponseModel } from '../../models/engagement';
import type { Actor } from '../context';
import type { DomainEvent } from '../useCase';
import { officeFor, staffOf } from './notify';

/** Common to every view: the event, who caused it (null for the system's sweeps), when, its note and data. */
export interface EventView {
  event: DomainEvent;
  actor: Actor | null;
  now: Date;
  /** The event's free text (a reason, a reply, an opinion), '' when none. */
  note: string;
  data: Record<string, unknown>;
}

export interface SuggestionView extends EventView {
  s: SuggestionModel;
  regionPath: string | null;
  /** Active assignments. */
  lead: AssignmentModel[];
  co: AssignmentModel[];
  /** Names of the departments of the active assignments and of the actor's. */
  departments: Map<number, string>;
  /** The station a citizen's opinion was addressed to. */
  station: StationModel | null;
}

export interface MeetingView extends EventView {
  m: MeetingModel;
}

export interface QuestionnaireView extends EventView {
  q: QuestionnaireModel;
}

export interface NoticeView extends EventView {
  n: NoticeModel;
}

type Base = EventView;

const ids = (xs: (number | null | undefined)[]) => xs.filter((x): x is number => typeof x === 'number');

/** Loads a suggestion's view, or null when it does not exist. */
export async function suggestionView(base: Base, id: number): Promise<SuggestionView | null> {
  const s = await SuggestionModel.findByPk(id);
  if (!s) return null;
  const [region, assignments, station] = await Promise.all([
    s.regionId ? RegionModel.findByPk(s.regionId) : null,
    AssignmentModel.findAll({ where: { suggestionId: id, active: true }, order: [['id', 'ASC']] }),
    s.addressedStationId ? StationModel.findByPk(s.addressedStationId) : null,
  ]);
  const departments = new Map((await DepartmentModel.findAll({ where: { id: ids([...assignments.map((a) => a.departmentId), base.actor?.departmentId]) } })).map((d) => [d.id, d.name]));
  return {
    ...base,
    s,
    regionPath: region?.path ?? null,
    lead: assignments.filter((a) => a.role === 'lead'),
    co: assignments.filter((a) => a.role === 'co'),
    departments,
    station,
  };
}

/**
 * What `suggestionView` reads of each of `suggestionIds`, for many events at once (a sweep's batch): one statement per table.
 * `departmentIds` are departments whose names the texts may need besides the assignments' (the actors').
 * Null for an id that does not exist.
 */
export async function suggestionParts(suggestionIds: number[], departmentIds: number[] = []): Promise<Map<number, Omit<SuggestionView, keyof EventView> | null>> {
  const wanted = [...new Set(suggestionIds)];
  const rows = await SuggestionModel.findAll({ where: { id: wanted } });
  const regionIds = [...new Set(ids(rows.map((s) => s.regionId)))];
  const stationIds = [...new Set(ids(rows.map((s) => s.addressedStationId)))];
  const [regions, assignments, stations] = await Promise.all([
    regionIds.length ? RegionModel.findAll({ where: { id: regionIds } }) : [],
    rows.length ? AssignmentModel.findAll({ where: { suggestionId: rows.map((s) => s.id), active: true }, order: [['id', 'ASC']] }) : [],
    stationIds.length ? StationModel.findAll({ where: { id: stationIds } }) : [],
  ]);
  const deptIds = [...new Set([...assignments.map((a) => a.departmentId), ...departmentIds])];
  const departments = new Map((deptIds.length ? await DepartmentModel.findAll({ where: { id: deptIds } }) : []).map((d) => [d.id, d.name]));
  const regionPath = new Map(regions.map((r) => [r.id, r.path]));
  const station = new Map(stations.map((x) => [x.id, x]));
  const out = new Map<number, Omit<SuggestionView, keyof EventView> | null>(wanted.map((id) => [id, null]));
  for (const s of rows) {
    const mine = assignments.filter((a) => a.suggestionId === s.id);
    out.set(s.id, {
      s,
      regionPath: s.regionId ? (regionPath.get(s.regionId) ?? null) : null,
      lead: mine.filter((a) => a.role === 'lead'),
      co: mine.filter((a) => a.role === 'co'),
      departments,
      station: s.addressedStationId ? (station.get(s.addressedStationId) ?? null) : null,
    });
  }
  return out;
}

/** Who can hear of a suggestion's events. */
export const SUGGESTION_AUDIENCES = {
  /** The deputy who leads the suggestion (its author, or the deputy who took up a citizen's opinion). */
  deputy: async (v: SuggestionView) => ids([v.s.deputyUserId]),
  /** The citizen who started it with an opinion. */
  citizen: async (v: SuggestionView) => ids([v.s.citizenUserId]),
  /** The co-signing deputies (附议人): asked and not declined, or let in on their request (as core/suggestions/cosigners.ts counts them). */
  cosigners: async (v: SuggestionView) =>
    (
      await CosignerModel.findAll({
        where: { suggestionId: v.s.id, [Op.or]: [{ kind: 'invited', status: { [Op.ne]: 'declined' } }, { kind: 'request', status: 'accepted' }] },
      })
    ).map((c) => c.userId),
  /** The deputies asked to co-sign who have not answered yet. */
  invited: async (v: SuggestionView) => (await CosignerModel.findAll({ where: { suggestionId: v.s.id, kind: 'invited', status: 'pending' } })).map((c) => c.userId),
  /** The deputy the event is about (`data.userId`): whose request to join was decided. */
  person: async (v: SuggestionView) => ids([v.data.userId as number | undefined]),
  /** The deputy a citizen's opinion is addressed to, or the deputies of the addressed station. */
  addressed: async (v: SuggestionView) =>
    v.s.addressedDeputyUserId
      ? [v.s.addressedDeputyUserId]
      : v.s.addressedStationId
        ? (await UserModel.findAll({ where: { role: 'deputy', stationId: v.s.addressedStationId, active: true }, attributes: ['id'] })).map((u) => u.id)
        : [],
  /** The lead department's staff. */
  lead: async (v: SuggestionView) => staffOf(v.lead.map((a) => a.departmentId)),
  /** The co-handlers' staff. */
  co: async (v: SuggestionView) => staffOf(v.co.map((a) => a.departmentId)),
  /** The co-handlers' staff whose written opinion is still missing. */
  pendingCo: async (v: SuggestionView) => staffOf(v.co.filter((a) => a.opinion === null).map((a) => a.departmentId)),
  /** Every handling department's staff. */
  handlers: async (v: SuggestionView) => staffOf([...v.lead, ...v.co].map((a) => a.departmentId)),
  /** The office accounts whose region covers the suggestion's. */
  office: async (v: SuggestionView) => officeFor(v.regionPath),
};

/** Loads a meeting's view. */
export async function meetingView(base: Base, id: number): Promise<MeetingView | null> {
  const m = await MeetingModel.findByPk(id);
  return m && { ...base, m };
}

/** Who can hear of a meeting's events. */
export const MEETING_AUDIENCES = {
  /** Everyone invited. */
  invitees: async (v: MeetingView) => (await InviteeModel.findAll({ where: { meetingId: v.m.id } })).map((i) => i.userId),
  /** The invitees still expected (not on approved leave). */
  attendees: async (v: MeetingView) =>
    (await InviteeModel.findAll({ where: { meetingId: v.m.id } })).filter((i) => !(i.rsvp === 'leave' && i.leaveState === 'approved')).map((i) => i.userId),
  /** Who organised it. */
  organiser: async (v: MeetingView) => [v.m.createdByUserId],
  /** The invitee the event is about (`data.userId`). */
  person: async (v: MeetingView) => ids([v.data.userId as number | undefined]),
};

/** Loads a questionnaire's view. */
export async function questionnaireView(base: Base, id: number): Promise<QuestionnaireView | null> {
  const q = await QuestionnaireModel.findByPk(id);
  return q && { ...base, q };
}

/** Who can hear of a survey's, ballot's or evaluation's events. */
export const QUESTIONNAIRE_AUDIENCES = {
  /** Everyone it was published to. */
  recipients: async (v: QuestionnaireView) => (await RecipientModel.findAll({ where: { questionnaireId: v.q.id } })).map((r) => r.userId),
  /** The recipients who have not answered yet. */
  pending: async (v: QuestionnaireView) => {
    const answered = (await ResponseModel.findAll({ where: { questionnaireId: v.q.id }, attributes: ['userId'] })).map((r) => r.userId);
    return (await RecipientModel.findAll({ where: { questionnaireId: v.q.id, ...(answered.length ? { userId: { [Op.notIn]: answered } } : {}) } })).map((r) => r.userId);
  },
};

/** Loads a notice's view. */
export async function noticeView(base: Base, id: number): Promise<NoticeView | null> {
  const n = await NoticeModel.findByPk(id);
  return n && { ...base, n };
}

/** Who can hear of a notice: the people its audience resolved to when it was published (`data.userIds`). */
export const NOTICE_AUDIENCES = {
  listed: async (v: NoticeView) => ids(Array.isArray(v.data.userIds) ? (v.data.userIds as number[]) : []),
};
