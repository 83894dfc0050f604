// JSON over HTTP with RFC 9457 problems. GET answers may come from the service worker's cache
// when the network is down; such answers carry X-MS5-Cached-At and the app says so.
import { authorizedFetch } from './auth.js';
import { emit } from './events.js';

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message || problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;      // 0: no answer (offline / network)
    this.problem = problem || null;
  }
  get isNetwork() { return this.status === 0; }
}

export async function parseProblem(res) {
  const text = await res.text().catch(() => '');
  try { return JSON.parse(text); } catch { return { title: res.statusText, detail: text.slice(0, 300), status: res.status }; }
}

export async function api(path, { method = 'GET', body, headers = {}, signal } = {}) {
  let res;
  try {
    res = await authorizedFetch((token) => fetch(path, {
      method,
      signal,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, e.message);
  }
  if (res.status === 401) throw new ApiError(401, await parseProblem(res));
  if (!res.ok) throw new ApiError(res.status, await parseProblem(res));
  if (method === 'GET') {
    const cachedAt = res.headers.get('X-MS5-Cached-At');
    emit('data-source', { path, cachedAt });
  }
  if (res.status === 204) return null;
  return res.json();
}

export const get = (path, opts) => api(path, opts);

/** Items of a paged list, following nextCursor up to `max` pages. */
export async function list(path, max = 10) {
  const items = [];
  let url = path;
  for (let i = 0; i < max; i += 1) {
    const page = await api(url);
    items.push(...(page.items || []));
    if (!page.nextCursor) break;
    url = path + (path.includes('?') ? '&' : '?') + 'cursor=' + encodeURIComponent(page.nextCursor);
  }
  return items;
}

export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
