// The one way the portal talks to the service: JSON over fetch with the user's token, and
// problem documents (RFC 9457) turned into ApiError so that pages can show them where they
// happened.

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  position?: { line: number; column: number };
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly method: string;
  readonly path: string;

  constructor(status: number, problem: Problem | null, method: string, path: string) {
    super(problem?.detail ?? `${method} ${path}: HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.method = method;
    this.path = path;
  }

  /**
   * The route itself does not exist on this server (a part of the API that this build does
   * not have yet), as opposed to a missing asset, warehouse or user.
   */
  get missingRoute(): boolean {
    if (this.status === 404) {
      return !this.problem?.type || this.problem.type.endsWith(':not-found');
    }
    return this.status === 405;
  }
}

const SESSION_KEY = 'zt.session';

export interface Session {
  token: string;
  username: string;
  expiresAt: number;
}

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || (session.expiresAt && session.expiresAt < Date.now())) {
      localStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else localStorage.removeItem(SESSION_KEY);
}

/** Fired when the service refuses the stored token (expired or revoked). */
export const SIGNED_OUT_EVENT = 'zt:signed-out';

export type QueryValue = string | number | boolean | null | undefined | Array<string | number | boolean>;

export function queryString(params?: Record<string, QueryValue>): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function problemOf(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

export async function request<T>(
  method: string,
  path: string,
  options: { params?: Record<string, QueryValue>; body?: unknown; signal?: AbortSignal; anonymous?: boolean } = {},
): Promise<T> {
  const session = options.anonymous ? null : loadSession();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const url = path + queryString(options.params);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      // tokens travel in the header; no cookies, and no browser sign-in prompt on a 401
      credentials: 'omit',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { status: 0, detail: `The service cannot be reached (${method} ${path})` }, method, path);
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && session) {
      saveSession(null);
      window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: 'expired' }));
    }
    throw new ApiError(response.status, problem, method, path);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as unknown as T;
}

export const api = {
  get: <T>(path: string, params?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { params, signal }),
  post: <T>(path: string, body?: unknown, params?: Record<string, QueryValue>) =>
    request<T>('POST', path, { body, params }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path: string, params: Record<string, QueryValue>, fallbackName: string): Promise<string> {
  const session = loadSession();
  const response = await fetch(path + queryString(params), {
    headers: session ? { Authorization: `Bearer ${session.token}` } : {},
    credentials: 'omit',
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response), 'GET', path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
