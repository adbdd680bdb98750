/**
 * The typed API client that the bot, the mini-program and the tests use. It only knows HTTP and the contract
 * types; every rule lives behind the API.
 */
import type {
  ActionBody,
  Addressee,
  AddresseeCode,
  AuthResponse,
  CreateSuggestionRequest,
  Department,
  DeputyListItem,
  ListSuggestionsQuery,
  Me,
  Region,
  PresentedRouting,
  Station,
  SuggestionDetail,
  SuggestionPage,
  SuggestionStats,
  UpdateDraftRequest,
} from './schemas';
import type { SuggestionAction } from './enums';
import type { CalendarScheduleRequest, CalendarYearResponse } from './calendar';
import type {
  AdminDepartment,
  AdminRegion,
  AdminStation,
  AdminUser,
  AuditPage,
  AuditQuery,
  CreateDepartmentRequest,
  CreateRegionRequest,
  CreateStationRequest,
  ListUsersQuery,
  UpdateDepartmentRequest,
  UpdateStationRequest,
  UpdateUserRequest,
  UserPage,
} from './admin';
import type { AudienceCount, NotificationSettings } from './engagement';
import type { CreateUserRequest, InvitationResponse, UserView } from './identity';

/** An error the API answered with: HTTP status, error code and the Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface InboxItem {
  id: number;
  kind: string;
  title: string;
  body: string;
  ref: { type: string; id: number } | null;
  readAt: string | null;
  createdAt: string;
}
export interface MeetingItem {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  /** The office's agenda (议程), as written. */
  agenda: string;
  place: string;
  startsAt: string;
  endsAt: string;
  state: string;
  mine: { rsvp: string; rsvpLabel: string; leaveState: string | null; checkedInAt: string | null } | null;
}
export interface QuestionnaireItem {
  id: number;
  kind: string;
  kindLabel: string;
  title: string;
  /** The office's description (说明), as written. */
  description: string;
  anonymous?: boolean;
  opensAt?: string | null;
  closesAt: string;
  answered?: boolean;
  open?: boolean;
}
export interface QuestionnaireDetail extends QuestionnaireItem {
  questions: { id: string; type: string; title: string; options?: string[]; required?: boolean; min?: number; max?: number }[];
  /** A ballot's rules: quorum, threshold, the base of the majority and the rule in a sentence. */
  rules: { maxChoices?: number; quorum?: number; passThreshold?: number; majorityOf?: 'eligible' | 'valid'; rule?: string };
  myAnswers: Record<string, unknown> | null;
}
/** A questionnaire's results as its voters (after it closes) and the office read them. */
export interface QuestionnaireResults {
  eligible: number;
  responded: number;
  responseRate: number;
  questions: { id: string; title: string; options?: { label: string; count: number; percent: number }[]; average?: number | null }[];
  ballot?: { quorumMet: boolean; rule: string; base: number; votesNeeded: number; candidates: { label: string; votes: number; passed: boolean }[] };
}
export interface ChatDeliveryItem {
  id: number;
  chatUserId: string | null;
  idempotencyKey: string;
  to: string;
  toName: string;
  kind: string;
  title: string;
  body: string;
  refType: string | null;
  refId: number | null;
  attempts: number;
}

/** Who receives a notice, questionnaire or invitation (see contracts/engagement.ts). */
export interface AudienceInput {
  all?: boolean;
  levels?: string[];
  regions?: string[];
  stations?: number[];
  delegations?: string[];
  users?: string[];
}

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/** Creates a client bound to one base URL and (optionally) one user's token. */
export function createApiClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  let token = options.token;

  const base = options.baseUrl.replace(/\/+$/, '');

  async function send<T>(method: string, url: string, headers: Record<string, string>, body?: string | ArrayBuffer): Promise<T> {
    headers.accept = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await doFetch(url, { method, headers, body });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `请求失败（${res.status}）`);
    return data as T;
  }

  function request<T>(method: string, path: string, body?: unknown, query?: Record<string, unknown>): Promise<T> {
    // Built by hand: the mini-program's JavaScript engine has no URL class.
    const params = Object.entries(query ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    const url = `${base}${path}${params.length ? `?${params.join('&')}` : ''}`;
    return send<T>(method, url, body === undefined ? {} : { 'content-type': 'application/json' }, body === undefined ? undefined : JSON.stringify(body));
  }

  function requestRaw<T>(method: string, path: string, data: ArrayBuffer, contentType: string): Promise<T> {
    return send<T>(method, `${base}${path}`, { 'content-type': contentType }, data);
  }

  return {
    /** Uses this token for later calls. */
    setToken(t: string | undefined) {
      token = t;
    },
    login: async (username: string, password: string) => {
      const r = await request<AuthResponse>('POST', '/api/auth/login', { username, password });
      token = r.token;
      return r;
    },
    devLogin: async (username: string) => {
      const r = await request<AuthResponse>('POST', '/api/auth/dev', { username });
      token = r.token;
      return r;
    },
    /** Signs in with a `wx.login` code; with an invitation code the first time (links this WeChat to the invited person). */
    wechatLogin: async (code: string, invitation?: string) => {
      const r = await request<AuthResponse>('POST', '/api/auth/wechat', invitation ? { code, invitation } : { code });
      token = r.token;
      return r;
    },
    me: () => request<Me>('GET', '/api/me'),
    listSuggestions: (query: ListSuggestionsQuery = {}) =>
      request<SuggestionPage>('GET', '/api/suggestions', undefined, query as Record<string, unknown>),
    createSuggestion: (body: CreateSuggestionRequest) => request<SuggestionDetail>('POST', '/api/suggestions', body),
    getSuggestion: (id: number) => request<SuggestionDetail>('GET', `/api/suggestions/${id}`),
    updateDraft: (id: number, body: UpdateDraftRequest) => request<SuggestionDetail>('PATCH', `/api/suggestions/${id}`, body),
    act: <A extends SuggestionAction>(id: number, action: A, body: ActionBody<A> = {} as ActionBody<A>) =>
      request<SuggestionDetail>('POST', `/api/suggestions/${id}/${action}`, body),
    /** 改派: assign to the lead and co-handlers given, accepting a submitted suggestion first (one call). */
    reassign: (id: number, body: ActionBody<'assign'>) => request<SuggestionDetail>('POST', `/api/suggestions/${id}/reassign`, body),
    classify: (title: string, body?: string) => request<PresentedRouting>('POST', '/api/routing/classify', { title, body }),
    similar: (title: string, body?: string) =>
      request<{ items: { id: number; title: string; stateLabel: string; score: number }[] }>('POST', '/api/routing/similar', { title, body }),
    departments: () => request<{ items: Department[] }>('GET', '/api/departments'),
    regions: () => request<{ items: Region[] }>('GET', '/api/regions'),
    stations: (region?: string) => request<{ items: Station[] }>('GET', '/api/stations', undefined, { region }),
    /** Deputies (public part), by region, station, or name/username (`q`); `limit` caps the answer. */
    deputies: (query: { region?: string; station?: number; q?: string; limit?: number } = {}) =>
      request<{ items: DeputyListItem[] }>('GET', '/api/deputies', undefined, query),
    /** Whom an opinion form goes to: by `deputy` (username), `deputyId`, `station`, or a mini-program code's `scene`. */
    addressee: (query: { deputy?: string; deputyId?: number; station?: number; scene?: string }) =>
      request<Addressee>('GET', '/api/addressee', undefined, query),
    /** The addressee's real mini-program code (data URL) and H5 link; 502/503 when WeChat fails. */
    addresseeCode: (query: { deputy?: string; deputyId?: number; station?: number; scene?: string; width?: number; env?: 'release' | 'trial' | 'develop' }) =>
      request<AddresseeCode>('GET', '/api/addressee/code', undefined, query),

    inbox: (unread = false) => request<{ unread: number; items: InboxItem[] }>('GET', '/api/inbox', undefined, unread ? { unread: 'true' } : {}),
    markRead: (id: number | 'all') => request<{ marked: number }>('POST', id === 'all' ? '/api/inbox/read-all' : `/api/inbox/${id}/read`, {}),
    notificationSettings: () => request<NotificationSettings>('GET', '/api/me/notification-settings'),
    updateNotificationSettings: (body: { chat?: boolean; wechat?: boolean; quietHours?: boolean }) =>
      request<NotificationSettings>('PUT', '/api/me/notification-settings', body),
    meetings: () => request<{ items: MeetingItem[] }>('GET', '/api/meetings'),
    rsvp: (id: number, body: { attend: true } | { leave: string }) => request<{ rsvp: string }>('POST', `/api/meetings/${id}/rsvp`, body),
    checkIn: (code: string) => request<{ meetingId: number; title: string; again: boolean }>('POST', '/api/meetings/checkin', { code }),
    questionnaires: () => request<{ items: QuestionnaireItem[] }>('GET', '/api/questionnaires'),
    questionnaire: (id: number) => request<QuestionnaireDetail>('GET', `/api/questionnaires/${id}`),
    answer: (id: number, answers: Record<string, string | number | number[]>) => request<{ updated: boolean }>('POST', `/api/questionnaires/${id}/answers`, { answers }),

    /** Uploads a photo (the image bytes); attach it by id when creating the opinion or suggestion. */
    uploadPhoto: (data: ArrayBuffer, contentType: string) => requestRaw<{ id: number; url: string }>('POST', '/api/photos', data, contentType),
    /** How many people an audience reaches (what a notice, questionnaire or invitation to it would be sent to). */
    audienceCount: (audience: AudienceInput) => request<AudienceCount>('POST', '/api/notices/audience', { audience }),
    publishNotice: (body: { title: string; body: string; audience: AudienceInput }) => request<{ id: number; recipients?: number }>('POST', '/api/notices', body),
    notices: () => request<{ items: { id: number; title: string; publishedAt: string; total: number; read: number }[] }>('GET', '/api/notices'),
    noticeReceipts: (id: number) => request<{ total: number; read: number }>('GET', `/api/notices/${id}/receipts`),
    publishQuestionnaire: (body: Record<string, unknown>) => request<{ id: number }>('POST', '/api/questionnaires', body),
    questionnaireResults: (id: number) => request<QuestionnaireResults>('GET', `/api/questionnaires/${id}/results`),
    createMeeting: (body: Record<string, unknown>) => request<{ id: number }>('POST', '/api/meetings', body),
    meeting: (id: number) =>
      request<MeetingItem & { checkinCode?: string; attendance?: { invited: number; leave: number; checkedIn: number; rateExcludingLeave: number } }>('GET', `/api/meetings/${id}`),
    calendar: (year?: number) => request<CalendarYearResponse>('GET', '/api/calendar', undefined, { year }),
    enterCalendar: (year: number, body: CalendarScheduleRequest) => request<CalendarYearResponse & { recounted: number }>('PUT', `/api/calendar/${year}`, body),
    createUser: (body: CreateUserRequest) => request<UserView>('POST', '/api/users', body),
    invite: (username: string) => request<InvitationResponse>('POST', `/api/users/${encodeURIComponent(username)}/invitation`, {}),
    stats: (query: { from?: string; to?: string } = {}) => request<SuggestionStats>('GET', '/api/stats/suggestions', undefined, query),
    bindCode: () => request<{ code: string; expiresAt: string }>('POST', '/api/chat/bind-code', {}),
    chatBind: (transport: string, chatUserId: string, code: string) =>
      request<{ username: string; name: string; role: string }>('POST', '/api/chat/bind', { transport, chatUserId, code }),
    chatToken: (transport: string, chatUserId: string, session?: string, message?: { messageId: string; nonce?: string }) =>
      request<{ token: string; username: string; name: string; role: string; session?: { data: Record<string, unknown> | null; expired: boolean }; now?: string }>('POST', '/api/chat/token', {
        transport,
        chatUserId,
        session,
        ...message,
      }),
    session: (key: string) => request<{ data: Record<string, unknown> | null; expired: boolean }>('GET', `/api/chat/sessions/${encodeURIComponent(key)}`),
    saveSession: (key: string, data: Record<string, unknown>, ttlSeconds?: number) =>
      request<{ expiresAt: string; expired: boolean }>('PUT', `/api/chat/sessions/${encodeURIComponent(key)}`, { data, ttlSeconds }),
    endSession: (key: string) => request<{ deleted: boolean; expired: boolean }>('DELETE', `/api/chat/sessions/${encodeURIComponent(key)}`),
    pullDeliveries: (transport: string, limit = 50) => request<{ items: ChatDeliveryItem[] }>('GET', '/api/deliveries', undefined, { channel: 'chat', transport, limit }),
    ackDelivery: (id: number, ok: boolean, error?: string, permanent?: boolean) => request<{ status: string }>('POST', `/api/deliveries/${id}/ack`, { ok, error, permanent }),

    // ---------- admin area (admin; office within its region) ----------
    createRegion: (body: CreateRegionRequest) => request<AdminRegion>('POST', '/api/regions', body),
    renameRegion: (code: string, name: string) => request<AdminRegion>('PATCH', `/api/regions/${encodeURIComponent(code)}`, { name }),
    managedStations: () => request<{ items: AdminStation[] }>('GET', '/api/admin/stations'),
    createStation: (body: CreateStationRequest) => request<AdminStation>('POST', '/api/stations', body),
    updateStation: (id: number, body: UpdateStationRequest) => request<AdminStation>('PATCH', `/api/stations/${id}`, body),
    managedDepartments: () => request<{ items: AdminDepartment[] }>('GET', '/api/admin/departments'),
    createDepartment: (body: CreateDepartmentRequest) => request<AdminDepartment>('POST', '/api/departments', body),
    updateDepartment: (code: string, body: UpdateDepartmentRequest) => request<AdminDepartment>('PATCH', `/api/departments/${encodeURIComponent(code)}`, body),
    users: (query: ListUsersQuery = {}) => request<UserPage>('GET', '/api/users', undefined, query as Record<string, unknown>),
    updateUser: (username: string, body: UpdateUserRequest) => request<AdminUser>('PATCH', `/api/users/${encodeURIComponent(username)}`, body),
    deactivateUser: (username: string, reason?: string) => request<AdminUser>('POST', `/api/users/${encodeURIComponent(username)}/deactivate`, { reason }),
    reactivateUser: (username: string) => request<AdminUser>('POST', `/api/users/${encodeURIComponent(username)}/reactivate`, {}),
    audit: (query: AuditQuery = {}) => request<AuditPage>('GET', '/api/audit', undefined, query as Record<string, unknown>),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
