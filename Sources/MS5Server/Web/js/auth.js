// Everything about sign-in lives here, so the mechanism can change in one place.
// The token is kept in localStorage (a shared floor tablet stays signed in across reloads)
// and sent as a bearer token; a 401 anywhere brings the user back to the sign-in screen.
import { emit } from './events.js';

const KEY = 'ms5.auth';

function read() {
  try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch { return null; }
}

export function session() {
  const s = read();
  if (!s?.token) return null;
  if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) return null;
  return s;
}
export function token() { return session()?.token ?? null; }
export function currentUser() { return session()?.user ?? null; }
export function isSignedIn() { return session() !== null; }
export function authHeader() {
  const tk = token();
  return tk ? { Authorization: `Bearer ${tk}` } : {};
}

/** Signs in; answers the user or throws an Error with the problem's detail. */
export async function login(username, password) {
  const res = await fetch('/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.detail || res.statusText);
    err.status = res.status; err.problem = body;
    throw err;
  }
  localStorage.setItem(KEY, JSON.stringify({ token: body.token, expiresAt: body.expiresAt, user: body.user }));
  emit('auth', { signedIn: true });
  return body.user;
}

async function forget() {
  localStorage.removeItem(KEY);
  // Cached API answers belong to the signed-in user.
  try { await caches.delete('ms5-api'); } catch { /* no Cache API */ }
}

export async function logout() {
  const headers = authHeader();
  try { await fetch('/v1/auth/logout', { method: 'POST', headers }); } catch { /* offline: the token expires anyway */ }
  await forget();
  emit('auth', { signedIn: false });
}

/** Called by every request that answers 401: the token is no longer good. */
export async function unauthorized() {
  if (!read()) return;
  await forget();
  emit('auth', { signedIn: false, expired: true });
}
