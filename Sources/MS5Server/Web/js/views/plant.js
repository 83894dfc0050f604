// Plant overview: a tile per line with state, order/product, count vs target, live OEE, open Andon calls.
import { h, replace } from '../dom.js';
import { t, fmtNumber, fmtPct } from '../i18n.js';
import { api } from '../api.js';
import { live } from '../live.js';
import { loadPlant, lineEquipment, constraintOf, runningOrder, currentState, currentShift } from '../data.js';
import { loading, errorBox } from '../ui.js';
import { ratioBar } from '../charts.js';

const PRIORITY_RANK = { low: 1, medium: 2, high: 3, critical: 4 };

export default {
  async render(root) {
    root.append(h('h1', { class: 'page-title', text: t('plant.title') }));
    const body = h('div', {}, loading());
    root.append(body);
    let plant;
    const states = new Map();   // equipmentId(lower) → state
    const tiles = new Map();    // lineId → refs
    const offs = [];
    let alive = true;

    async function load() {
      try {
        plant = await loadPlant(true);
      } catch (e) { replace(body, errorBox(e, load)); return; }
      const grid = h('ul', { class: 'tile-grid', id: 'plant-tiles' });
      replace(body, grid);
      for (const line of plant.lines) {
        const refs = {
          state: h('span', {}), order: h('dd', { class: 'tile-order' }), count: h('dd', { class: 'tile-count' }),
          countBar: h('div', { class: 'tile-bar' }), oee: h('dd', { class: 'tile-oee' }), andon: h('dd', { class: 'tile-andon' }),
        };
        const a = h('a', { class: 'tile', href: `#/line/${line.id}`, dataset: { lineId: line.id } },
          h('div', { class: 'tile-head' }, h('h2', { class: 'tile-name', text: line.name }), refs.state),
          h('dl', { class: 'tile-body' },
            h('div', {}, h('dt', { text: t('plant.order') }), refs.order),
            h('div', {}, h('dt', { text: t('plant.count') }), refs.count),
            h('div', {}, h('dt', { text: t('plant.oee') }), refs.oee),
            h('div', {}, h('dt', { text: t('plant.andon') }), refs.andon)),
          refs.countBar);
        refs.tile = a;
        tiles.set(line.id.toLowerCase(), refs);
        grid.append(h('li', {}, a));
        const ro = runningOrder(plant, line.id);
        refs.order.textContent = ro ? `${ro.order.number} · ${ro.product?.name ?? ''}` : t('plant.noOrder');
      }
      live.setTopics(plant.lines.map((l) => `oee:${l.id}`));
      await Promise.all([loadStates(), loadBoard(), ...plant.lines.map(loadShift)]);
    }

    async function loadStates() {
      await Promise.all(plant.equipment.map(async (e) => {
        try { const s = await currentState(e.id); states.set(e.id.toLowerCase(), s?.state ?? null); } catch { /* keep */ }
      }));
      plant.lines.forEach(paintState);
    }

    function lineState(lineId) {
      const c = constraintOf(plant, lineId);
      if (c && states.get(c.toLowerCase())) return states.get(c.toLowerCase());
      const order = ['stopped', 'held', 'suspended', 'idle', 'running'];
      const list = lineEquipment(plant, lineId).map((e) => states.get(e.id.toLowerCase())).filter(Boolean);
      return order.find((s) => list.includes(s)) || null;
    }

    function paintState(line) {
      const refs = tiles.get(line.id.toLowerCase()); if (!refs) return;
      const st = lineState(line.id) || 'unknown';
      refs.tile.className = `tile tile-${st}`;
      refs.tile.dataset.state = st;
      replace(refs.state, h('span', { class: ['state-chip', `st-${st}`], dataset: { state: st } }, t(`state.${st}`)));
    }

    function paintKpis(lineId, kpis) {
      const refs = tiles.get(lineId.toLowerCase());
      const line = plant.lines.find((l) => l.id.toLowerCase() === lineId.toLowerCase());
      if (!refs || !line) return;
      const q = kpis?.quantities;
      if (!plant.settings[line.id]) {
        refs.count.textContent = t('plant.noSettings'); refs.oee.textContent = t('common.none'); return;
      }
      refs.count.textContent = q ? t('plant.countOf', { good: fmtNumber(q.good), target: q.target ? fmtNumber(q.target) : t('common.none') }) : t('common.none');
      replace(refs.countBar, ratioBar(q?.target ? q.good / q.target : null, t('plant.countBar', { pct: fmtPct(q?.target ? q.good / q.target : null) }), 'bar-count'));
      refs.oee.textContent = fmtPct(kpis?.oee);
      refs.oee.dataset.value = kpis?.oee ?? '';
    }

    async function loadShift(line) {
      if (!plant.settings[line.id]) { paintKpis(line.id, null); return; }
      try { const p = await currentShift(line.id); paintKpis(line.id, p?.kpis); } catch { /* keep last */ }
    }

    async function loadBoard() {
      try {
        const board = await api('/v1/andon/board');
        for (const [id, refs] of tiles) {
          const entry = board.lines.find((l) => l.lineId.toLowerCase() === id);
          const calls = entry?.calls ?? [];
          refs.andon.textContent = calls.length ? t('plant.andonOpen', { n: calls.length }) : t('plant.andonNone');
          const top = calls.map((c) => c.call.priority).sort((a, b) => PRIORITY_RANK[b] - PRIORITY_RANK[a])[0];
          refs.andon.className = `tile-andon${top ? ` prio-${top}` : ''}`;
        }
      } catch { /* keep */ }
    }

    offs.push(live.onEvent((m) => {
      if (!plant || !alive) return;
      if (m.event === 'state' && m.data?.equipmentId) {
        states.set(m.data.equipmentId.toLowerCase(), m.data.opened?.state ?? null);
        plant.lines.forEach(paintState);
      } else if (m.event === 'oee') {
        paintKpis(m.data.lineId, m.data.period?.kpis);
      } else if (m.event === 'andon') {
        loadBoard();
      }
    }));
    offs.push(live.onResync(() => { if (plant) { loadStates(); loadBoard(); plant.lines.forEach(loadShift); } }));
    const refresh = setInterval(() => { if (plant) loadBoard(); }, 30000);
    await load();
    return () => { alive = false; clearInterval(refresh); offs.forEach((f) => f()); };
  },
};
