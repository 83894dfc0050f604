// Operator actions go through a durable IndexedDB outbox: each gets an Idempotency-Key (a UUID made
// when it is queued and reused on every retry) and is sent in order. 2xx → sent; 4xx problem →
// rejected, shown with its detail until the user retries or discards it; 5xx / no network → retried
// with backoff. Nothing is dropped silently.
import { authorizedFetch, isSignedIn } from './auth.js';
import { parseProblem } from './api.js';
import { emit } from './events.js';
import { uuid } from './dom.js';

const DB = 'ms5-outbox';
const STORE = 'actions';
const KEEP_SENT = 30;
let dbPromise = null;

function openDb() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}

async function tx(mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const store = t.objectStore(STORE);
    let result;
    Promise.resolve(fn(store)).then((r) => { result = r; });
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}
const reqP = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });

export async function all() {
  return tx('readonly', (s) => reqP(s.getAll()));
}
async function put(item) { return tx('readwrite', (s) => reqP(s.put(item))); }
async function del(seq) { return tx('readwrite', (s) => reqP(s.delete(seq))); }

function changed() { emit('outbox', {}); }

/**
 * Queue an action. `label` is {key, params} for the catalogue; `meta` is free data views use to show
 * pending state (e.g. {stopId, reasonCode}).
 */
export async function enqueue({ method = 'POST', path, body, label, kind, meta }) {
  const item = {
    key: uuid(), method, path, body, label, kind, meta: meta || {},
    status: 'pending', attempts: 0, nextAttemptAt: 0,
    createdAt: new Date().toISOString(), sentAt: null, problem: null, lastError: null, response: null,
  };
  item.seq = await put(item);
  changed();
  flush();
  return item;
}

export async function retry(seq) {
  const item = (await all()).find((i) => i.seq === seq);
  if (!item) return;
  Object.assign(item, { status: 'pending', attempts: 0, nextAttemptAt: 0, problem: null, lastError: null });
  await put(item); changed(); flush();
}
export async function discard(seq) { await del(seq); changed(); }
export async function clearSent() {
  for (const i of await all()) if (i.status === 'sent') await del(i.seq);
  changed();
}

let flushing = false;
let timer = null;

function schedule(ms) {
  clearTimeout(timer);
  timer = setTimeout(flush, ms);
}

/** Send what is due, oldest first; one tab at a time when Web Locks exist. */
export async function flush() {
  if (flushing || !isSignedIn()) return;
  flushing = true;
  try {
    if (navigator.locks) await navigator.locks.request('ms5-outbox', () => run());
    else await run();
  } finally { flushing = false; }
}

async function run() {
  const items = (await all()).sort((a, b) => a.seq - b.seq);
  for (const item of items) {
    if (item.status !== 'pending' && item.status !== 'sending') continue;
    if (item.nextAttemptAt > Date.now()) { schedule(item.nextAttemptAt - Date.now()); return; }
    if (!navigator.onLine) { schedule(5000); return; }
    item.status = 'sending'; item.attempts += 1;
    await put(item); changed();
    let res;
    try {
      res = await authorizedFetch((token) => fetch(item.path, {
        method: item.method,
        headers: {
          'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': item.key,
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: item.body !== undefined ? JSON.stringify(item.body) : undefined,
      }));
    } catch (e) {
      await backoff(item, e.message);   // network: keep order, try again later
      return;
    }
    if (res.ok) {
      item.status = 'sent'; item.sentAt = new Date().toISOString();
      item.response = await res.json().catch(() => null);
      await put(item); changed();
      emit('outbox-sent', item);
      continue;
    }
    if (res.status === 401) {
      item.status = 'pending'; item.attempts -= 1;
      await put(item); changed();       // kept; sent after the next sign-in (authorizedFetch signed out)
      return;
    }
    const problem = await parseProblem(res);
    if (res.status >= 500 || res.status === 408 || res.status === 429) { await backoff(item, problem.detail || problem.title); return; }
    item.status = 'rejected'; item.problem = problem;
    await put(item); changed();
    emit('outbox-rejected', item);
  }
  await prune();
}

async function backoff(item, message) {
  item.status = 'pending';
  item.lastError = message || 'network';
  const delay = Math.min(60000, 1000 * 2 ** Math.min(item.attempts, 6));
  item.nextAttemptAt = Date.now() + delay;
  await put(item); changed();
  schedule(delay);
}

async function prune() {
  const sent = (await all()).filter((i) => i.status === 'sent').sort((a, b) => b.seq - a.seq);
  for (const i of sent.slice(KEEP_SENT)) await del(i.seq);
}

export async function counts() {
  const items = await all();
  return {
    pending: items.filter((i) => i.status === 'pending' || i.status === 'sending').length,
    rejected: items.filter((i) => i.status === 'rejected').length,
  };
}

/** Open (pending or rejected) items, for views that show pending state. */
export async function open() {
  return (await all()).filter((i) => i.status !== 'sent');
}

addEventListener('online', () => {
  // Coming back: everything pending is due now.
  all().then(async (items) => {
    for (const i of items) if (i.status === 'pending' && i.nextAttemptAt > Date.now()) { i.nextAttemptAt = 0; await put(i); }
    flush();
  });
});
setInterval(() => { if (navigator.onLine) flush(); }, 15000);
