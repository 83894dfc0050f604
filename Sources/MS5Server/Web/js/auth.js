// Everything about sign-in lives here, so the mechanism can change in one place.
// A session is a short-lived access token (a JWT, sent as a bearer token) and a one-time refresh
// token, both kept in localStorage (a shared floor tablet stays signed in across reloads). The
// access token is renewed a minute before it expires, and once more when the server refuses it;
// when the renewal is refused too, the user is brought back to the sign-in screen.
import { emit } from './events.js';

const KEY = 'ms5.auth';
const RENEW_EARLY_MS = 60000;   // renew this long before the access token expires
const RETRY_MS = 30000;         // after a renewal that got no answer (offline)

function read() {
  try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch { return null; }
}

function store(body) {
  localStorage.setItem(KEY, JSON.stringify({
    token: body.token, expiresAt: body.expiresAt,
    refreshToken: body.refreshToken, refreshExpiresAt: body.refreshExpiresAt, user: body.user,
  }));
  schedule();
}

/** The stored session while its refresh token can still renew it, else null. */
export function session() {
  const s = read();
  if (!s?.token || !s.refreshToken) return null;
  if (s.refreshExpiresAt && Date.parse(s.refreshExpiresAt) <= Date.now()) return null;
  return s;
}
export function currentUser() { return session()?.user ?? null; }
export function isSignedIn() { return session() !== null; }

function expiresSoon(s) { return Date.parse(s.expiresAt) - Date.now() < RENEW_EARLY_MS; }

let timer = null;
/** Renews the access token shortly before it expires, while the app is open. */
function schedule(delay) {
  clearTimeout(timer);
  const s = session();
  if (!s) return;
  const due = delay ?? Math.max(0, Date.parse(s.expiresAt) - Date.now() - RENEW_EARLY_MS);
  timer = setTimeout(() => { const now = session(); if (now) renew(now.token); }, due);
}

let renewing = null;
/**
 * Exchanges the refresh token for new tokens unless `seenToken` was already replaced (by this or
 * another tab); one exchange at a time across tabs, since a refresh token works only once.
 * Answers whether the user is still signed in.
 */
export function renew(seenToken) {
  renewing ??= (async () => {
    try {
      const run = () => exchange(seenToken);
      return navigator.locks ? await navigator.locks.request('ms5-auth-renew', run) : await run();
    } finally { renewing = null; }
  })();
  return renewing;
}

async function exchange(seenToken) {
  const s = session();
  if (!s) return false;
  if (s.token !== seenToken && !expiresSoon(s)) return true;
  let res;
  try {
    res = await fetch('/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: s.refreshToken }),
    });
  } catch {
    schedule(RETRY_MS);           // offline: the session may still be good; try again later
    return true;
  }
  if (res.ok) { store(await res.json()); return true; }
  if (res.status >= 500 || res.status === 429) { schedule(RETRY_MS); return true; }
  await unauthorized();
  return false;
}

/** The access token to send, renewed first when it is about to expire; null when signed out. */
export async function accessToken() {
  const s = session();
  if (!s) return null;
  if (expiresSoon(s)) await renew(s.token);
  return session()?.token ?? null;
}

/**
 * Sends a request with the access token (`send` takes the token, or null, and answers a fetch);
 * on 401 renews once and sends again; a second 401 signs out. Answers the last response.
 */
export async function authorizedFetch(send) {
  const first = await accessToken();
  let res = await send(first);
  if (res.status === 401 && first && await renew(first)) {
    const next = await accessToken();
    if (next && next !== first) res = await send(next);
  }
  if (res.status === 401) await unauthorized();
  return res;
}

/** Signs in (with `totp`, a code, for an account with a second factor); answers the user or throws an Error with the problem. */
export function login(username, password, totp) {
  return begin('/v1/auth/login', totp ? { username, password, totp } : { username, password });
}

/** Signs in by badge and PIN on a registered tablet; answers the user or throws an Error with the problem. */
export function badgeLogin(badge, pin) {
  return begin('/v1/auth/badge', { badge, pin }, { 'X-Device-Token': deviceToken() });
}

// The device token an administrator stored on a shared tablet (POST /v1/devices answers it once);
// it stays across sign-outs, since the tablet stays registered.
const DEVICE_KEY = 'ms5.deviceToken';

/** The tablet's device token, or null when this browser is not a registered tablet. */
export function deviceToken() { return localStorage.getItem(DEVICE_KEY) || null; }

/** Stores the tablet's device token (empty forgets it). */
export function setDeviceToken(token) {
  if (token) localStorage.setItem(DEVICE_KEY, token); else localStorage.removeItem(DEVICE_KEY);
}

/** Finishes a sign-in through the identity provider: swaps its one-time code for tokens. */
export function completeProviderSignIn(code) {
  return begin('/v1/auth/oidc/session', { code });
}

async function begin(path, request, headers = {}) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
    body: JSON.stringify(request),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.detail || res.statusText);
    err.status = res.status; err.problem = body;
    throw err;
  }
  store(body);
  emit('auth', { signedIn: true });
  return body.user;
}

async function forget() {
  clearTimeout(timer);
  localStorage.removeItem(KEY);
  // Cached API answers belong to the signed-in user.
  try { await caches.delete('ms5-api'); } catch { /* no Cache API */ }
}

export async function logout() {
  const tk = read()?.token;
  const headers = tk ? { Authorization: `Bearer ${tk}` } : {};
  try { await fetch('/v1/auth/logout', { method: 'POST', headers }); } catch { /* offline: the session times out anyway */ }
  await forget();
  emit('auth', { signedIn: false });
}

/** Called when the session can no longer be renewed: back to the sign-in screen. */
export async function unauthorized() {
  if (!read()) return;
  await forget();
  emit('auth', { signedIn: false, expired: true });
}

schedule();
