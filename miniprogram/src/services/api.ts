/**
 * The one way pages reach the API: the typed client from contracts/, sending its requests through Taro.request
 * and one interceptor chain — the signed-in user's token on every call, an API error shown as a toast, and a 401
 * (expired or missing sign-in) sending the user back to the sign-in page.
 */
import Taro from '@tarojs/taro';
import { ApiError, createApiClient } from '../../../contracts/client';

export { ApiError };

const TOKEN_KEY = 'lvzhi.token';

/** The stored token of the signed-in user, if any. */
export const storedToken = (): string | undefined => Taro.getStorageSync(TOKEN_KEY) || undefined;

/** Remembers (or forgets) the signed-in user's token. */
export function storeToken(token: string | undefined): void {
  if (token) Taro.setStorageSync(TOKEN_KEY, token);
  else Taro.removeStorageSync(TOKEN_KEY);
  api.setToken(token);
}

const messageOf = (data: unknown): string => {
  try {
    const body = typeof data === 'string' ? JSON.parse(data) : data;
    return (body as { error?: { message?: string } })?.error?.message ?? '';
  } catch {
    return '';
  }
};

Taro.addInterceptor((chain: Taro.Chain) => {
  const params = chain.requestParams;
  const token = storedToken();
  if (token) params.header = { ...params.header, authorization: `Bearer ${token}` };
  return chain.proceed(params).then((res: Taro.request.SuccessCallbackResult) => {
    const signingIn = String(params.url).includes('/api/auth/');
    if (res.statusCode === 401 && !signingIn) {
      storeToken(undefined);
      Taro.reLaunch({ url: '/pages/login/index' });
    } else if (res.statusCode >= 400) {
      Taro.showToast({ title: messageOf(res.data) || `请求失败（${res.statusCode}）`, icon: 'none', duration: 2500 });
    }
    return res;
  });
});

/** A fetch look-alike over Taro.request, which is what the contracts client needs. */
async function taroFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  try {
    const res = await Taro.request({ url, method: (init.method ?? 'GET') as 'GET', header: init.headers, data: init.body, dataType: 'text', responseType: 'text' });
    const text = typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
    return { ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, text: async () => text };
  } catch {
    Taro.showToast({ title: '网络不通，请稍后再试', icon: 'none' });
    throw new ApiError(0, 'network', '网络不通，请稍后再试');
  }
}

/** The API client every page uses. */
export const api = createApiClient({ baseUrl: API_BASE, token: storedToken(), fetch: taroFetch as unknown as typeof fetch });

/** The message to show for a failed call. */
export const errorText = (e: unknown): string => (e instanceof ApiError ? e.message : '出了点问题，请稍后再试');
