// Boot, routing (hash based), header: navigation, connection state, outbox, stale-data banner.
import { h, replace } from './dom.js';
import { t, setLanguage, fmtTime } from './i18n.js';
import { getSettings, applyTheme } from './settings.js';
import { completeProviderSignIn, isSignedIn } from './auth.js';
import { on } from './events.js';
import { live } from './live.js';
import * as outbox from './outbox.js';
import { toast } from './ui.js';

import loginView from './views/login.js';
import plantView from './views/plant.js';
import lineView from './views/line.js';
import andonView from './views/andon.js';
import oeeView from './views/oee.js';
import jobsView from './views/jobs.js';
import outboxView from './views/outbox.js';
import checklistsView from './views/checklists.js';
import checklistView from './views/checklist.js';
import settingsView from './views/settings.js';

const routes = {
  login: loginView, plant: plantView, line: lineView, andon: andonView,
  oee: oeeView, jobs: jobsView, outbox: outboxView, settings: settingsView,
  checklists: checklistsView, checklist: checklistView,
};
// Screens without their own navigation entry highlight the one they are reached from.
const NAV_PARENT = { checklists: 'jobs', checklist: 'jobs' };
const NAV = ['plant', 'line', 'andon', 'oee', 'jobs', 'settings'];

let cleanup = null;
let renderToken = 0;

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] || 'plant', params: parts.slice(1) };
}

export function navigate(path) { location.hash = `#/${path}`; }

async function route(event) {
  let { name, params } = parseHash();
  if (name === 'signed-in') {
    // Back from the identity provider with a one-time code; it must not stay in the history.
    try { await completeProviderSignIn(params[0] || ''); } catch { /* the sign-in screen is shown instead */ }
    location.replace(isSignedIn() ? '#/plant' : '#/login');
    return;
  }
  if (!isSignedIn() && name !== 'login') { navigate('login'); return; }
  if (isSignedIn() && name === 'login') { navigate('plant'); return; }
  const view = routes[name] || plantView;
  if (!routes[name]) name = 'plant';
  if (typeof cleanup === 'function') { try { cleanup(); } catch { /* ignore */ } }
  cleanup = null;
  const mine = ++renderToken;
  document.getElementById('app-header').hidden = name === 'login';
  updateNav(NAV_PARENT[name] || name);
  const main = document.getElementById('main');
  replace(main);
  document.title = `${t(`nav.${name}`)} · ${t('app.name')}`;
  main.dataset.view = name;
  if (name !== 'login') live.start();
  const c = await view.render(main, params);
  if (mine !== renderToken) { if (typeof c === 'function') c(); return; }
  cleanup = c;
  // After in-app navigation, move focus to the new content so screen readers and keyboards follow.
  if (event && name !== 'login') { main.focus({ preventScroll: true }); window.scrollTo(0, 0); }
}

function updateNav(active) {
  const nav = document.getElementById('main-nav');
  replace(nav, h('ul', {}, NAV.map((n) => h('li', {},
    h('a', { href: `#/${n}`, class: 'nav-link', 'aria-current': n === active ? 'page' : false, text: t(`nav.${n}`) })))));
}

function renderConn({ state }) {
  const el = document.getElementById('conn-status');
  el.className = `conn-status conn-${state}`;
  el.dataset.state = state;
  replace(el, h('span', { class: 'conn-dot', 'aria-hidden': 'true' }), t(`conn.${state}`));
}

async function renderOutbox() {
  const el = document.getElementById('outbox-indicator');
  const { pending, rejected } = await outbox.counts();
  el.className = ['outbox-indicator', pending ? 'has-pending' : '', rejected ? 'has-rejected' : ''].join(' ').trim();
  el.dataset.pending = String(pending);
  el.dataset.rejected = String(rejected);
  el.textContent = rejected ? t('outbox.indicatorRejected', { pending, rejected }) : pending ? t('outbox.indicatorPending', { n: pending }) : t('outbox.indicatorEmpty');
}

function staleBanner({ cachedAt }) {
  const el = document.getElementById('stale-banner');
  if (cachedAt) { el.hidden = false; el.textContent = t('stale.banner', { time: fmtTime(cachedAt) }); }
  else if (navigator.onLine) el.hidden = true;
}

async function boot() {
  const settings = getSettings();
  applyTheme(settings.theme);
  await setLanguage(settings.lang);
  document.getElementById('skip-link').textContent = t('app.skip');
  document.getElementById('brand-name').textContent = t('app.name');
  renderConn({ state: live.state });
  on('live-state', renderConn);
  on('outbox', renderOutbox);
  on('data-source', staleBanner);
  on('outbox-rejected', (item) => toast(t('outbox.rejectedToast', { what: t(item.label.key, item.label.params), detail: item.problem?.detail || '' }), 'error'));
  on('auth', ({ signedIn, expired }) => {
    if (!signedIn) {
      live.stop();
      if (expired) toast(t('login.expired'), 'error');
      navigate('login');
    } else { live.start(); outbox.flush(); }
  });
  on('language', async () => { await setLanguage(getSettings().lang); route(); renderOutbox(); renderConn({ state: live.state }); });
  addEventListener('offline', () => staleBanner({ cachedAt: null }));
  addEventListener('hashchange', route);
  renderOutbox();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch((e) => console.warn('service worker not registered', e));
  }
  await route();
  outbox.flush();
}

boot();
