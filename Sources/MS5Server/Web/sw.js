// MS5 Floor service worker: app shell cached per version (old versions removed on activate);
// GET /v1/… network-first, the last good answer kept and served when the network fails,
// marked with X-MS5-Cached-At so the app can say it shows saved data.
const VERSION = 'v5';
const SHELL_CACHE = `ms5-shell-${VERSION}`;
const API_CACHE = 'ms5-api';
const SHELL = [
  './', 'index.html', 'manifest.webmanifest', 'css/app.css',
  'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png',
  'js/app.js', 'js/api.js', 'js/auth.js', 'js/charts.js', 'js/data.js', 'js/dom.js', 'js/events.js',
  'js/i18n.js', 'js/live.js', 'js/outbox.js', 'js/settings.js', 'js/ui.js',
  'js/views/login.js', 'js/views/badge.js', 'js/views/plant.js', 'js/views/line.js', 'js/views/andon.js', 'js/views/oee.js',
  'js/views/jobs.js', 'js/views/checklists.js', 'js/views/checklist.js', 'js/views/signatures.js', 'js/views/outbox.js', 'js/views/settings.js',
  'i18n/en.js', 'i18n/de.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('ms5-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function apiNetworkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('X-MS5-Cached-At', new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
    }
    return response;
  } catch (err) {
    const hit = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (hit) return hit;
    throw err;
  }
}

async function shellCacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) {
    // Refresh in the background so a new deployment is picked up on the next load.
    fetch(request).then((r) => { if (r.ok) cache.put(request, r); }).catch(() => {});
    return hit;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === 'navigate') return (await cache.match('index.html')) || Response.error();
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;                 // writes go straight to the network (outbox)
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/v1/live') return;
  if (url.pathname.startsWith('/v1/')) { event.respondWith(apiNetworkFirst(request)); return; }
  if (['/health', '/ready', '/metrics', '/openapi.json'].includes(url.pathname)) return;
  event.respondWith(shellCacheFirst(request));
});
