/** The console's one API client (contracts/client.ts), its token, and the downloads the client does not cover. */
import { ApiError, createApiClient } from '../../contracts/client';

const KEY = 'lvzhi.console.token';

/** The typed client bound to this origin and the signed-in user's token. */
export const api = createApiClient({ baseUrl: window.location.origin, token: sessionStorage.getItem(KEY) ?? undefined });

/** Remembers (or forgets) the token for this browser tab. */
export function saveToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  api.setToken(token ?? undefined);
}

/** The token of this tab, if any. */
export const currentToken = () => sessionStorage.getItem(KEY);

/** A GET of the API answered with JSON (for the endpoints the typed client has no method for). */
export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json', authorization: `Bearer ${currentToken() ?? ''}` } });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `请求失败（${res.status}）`);
  return data as T;
}

/** A POST of the API answered with JSON. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${currentToken() ?? ''}` },
    body: JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `请求失败（${res.status}）`);
  return data as T;
}

/** Downloads a file the API exports (XLSX/CSV) under its own file name. */
export async function download(path: string, fallbackName: string): Promise<string> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${currentToken() ?? ''}` } });
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `导出失败（${res.status}）`);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The Chinese message of an error (the API's own, or a network failure). */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '网络连接失败，请稍后再试';
}
