/**
 * The typed API client that the bot, the mini-program and the tests use. It only knows HTTP and the contract
 * types; every rule lives behind the API.
 */
import type {
  ActionBody,
  AuthResponse,
  CreateSuggestionRequest,
  Department,
  DeputyListItem,
  ListSuggestionsQuery,
  Me,
  Region,
  RoutingProposal,
  Station,
  SuggestionDetail,
  SuggestionPage,
  UpdateDraftRequest,
} from './schemas';
import type { SuggestionAction } from './enums';

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

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/** Creates a client bound to one base URL and (optionally) one user's token. */
export function createApiClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  let token = options.token;

  async function request<T>(method: string, path: string, body?: unknown, query?: Record<string, unknown>): Promise<T> {
    const url = new URL(path, options.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `请求失败（${res.status}）`);
    return data as T;
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
    wechatLogin: async (code: string) => {
      const r = await request<AuthResponse>('POST', '/api/auth/wechat', { code });
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
    classify: (title: string, body?: string) => request<RoutingProposal>('POST', '/api/routing/classify', { title, body }),
    departments: () => request<{ items: Department[] }>('GET', '/api/departments'),
    regions: () => request<{ items: Region[] }>('GET', '/api/regions'),
    stations: (region?: string) => request<{ items: Station[] }>('GET', '/api/stations', undefined, { region }),
    deputies: (query: { region?: string; station?: number; q?: string } = {}) =>
      request<{ items: DeputyListItem[] }>('GET', '/api/deputies', undefined, query),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
