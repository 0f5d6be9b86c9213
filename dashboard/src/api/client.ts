/** Reads and writes the api with the session's key; answers are checked before they are typed. */

/** The outcome of one call: data, or why there is none (HTTP status 0 = no answer). */
export type ApiResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly message: string };

export type FetchLike = (url: string, init: RequestInit) => Promise<{ readonly status: number; json(): Promise<unknown> }>;

export interface ApiClient {
  get<T>(path: string, guard: (value: unknown) => value is T): Promise<ApiResult<T>>;
  post<T>(path: string, body: unknown, guard: (value: unknown) => value is T): Promise<ApiResult<T>>;
}

export function createApiClient(fetchLike: FetchLike, headers: () => Record<string, string>): ApiClient {
  async function call<T>(path: string, init: RequestInit, guard: (value: unknown) => value is T): Promise<ApiResult<T>> {
    let response: { readonly status: number; json(): Promise<unknown> };
    try {
      response = await fetchLike(path, { ...init, cache: 'no-store', headers: { Accept: 'application/json', ...headers(), ...(init.headers as Record<string, string> | undefined) } });
    } catch {
      return { ok: false, status: 0, message: 'no answer from the server' };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      return { ok: false, status: response.status, message: problemMessage(response.status, body) };
    }
    if (!guard(body)) {
      return { ok: false, status: response.status, message: `unexpected answer from ${path}` };
    }
    return { ok: true, data: body };
  }

  return {
    get: (path, guard) => call(path, { method: 'GET' }, guard),
    post: (path, body, guard) =>
      call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }, guard),
  };
}

/** A ProblemDetails' title/detail, or a plain sentence for the status. */
export function problemMessage(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const detail = 'detail' in body && typeof body.detail === 'string' ? body.detail : undefined;
    const title = 'title' in body && typeof body.title === 'string' ? body.title : undefined;
    if (detail !== undefined || title !== undefined) {
      return [title, detail].filter((part) => part !== undefined).join(': ');
    }
  }
  switch (status) {
    case 401:
      return 'an API key is needed (HTTP 401)';
    case 403:
      return 'the API key may not do this (HTTP 403)';
    case 404:
      return 'not found (HTTP 404)';
    default:
      return `HTTP ${status}`;
  }
}
