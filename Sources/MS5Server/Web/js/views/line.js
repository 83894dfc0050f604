// Line view: equipment states live, shift state timeline, active faults, stops with reason coding
// (through the reason tree) and splitting, counts and rate, OEE with A/P/Q.
import { h, replace } from '../dom.js';
import { t, fmtNumber, fmtPct, fmtTime, fmtDuration } from '../i18n.js';
import { api, qs } from '../api.js';
import { live } from '../live.js';
import { on } from '../events.js';
import * as outbox from '../outbox.js';
import { getSettings } from '../settings.js';
import { loadPlant, lineEquipment, lineById, constraintOf, runningOrder, currentShift, reasonIndex } from '../data.js';
import { loading, errorBox, section, stateChip, dialog, kv, toast } from '../ui.js';
import { timelineBar, ratioBar } from '../charts.js';

export default {
  async render(root, params) {
    const body = h('div', {}, loading());
    root.append(body);
    let plant;
    try { plant = await loadPlant(); } catch (e) { replace(body, errorBox(e, () => location.reload())); return undefined; }
    const lineId = params[0] || getSettings().lineId || plant.lines[0]?.id;
    const line = lineId && lineById(plant, lineId);
    if (!line) { replace(body, h('p', { text: t('line.none') })); return undefined; }
    const settings = plant.settings[line.id];
    const reasons = reasonIndex(settings);
    const equipment = lineEquipment(plant, line.id).sort((a, b) => (a.code > b.code ? 1 : -1));
    const constraint = constraintOf(plant, line.id);
    const model = {
      shift: null, windowStart: new Date(Date.now() - 8 * 3600e3).toISOString(),
      eq: new Map(equipment.map((e) => [e.id.toLowerCase(), { e, intervals: [], faults: [], speedMetric: null, speed: null, unit: '', stops: [] }])),
      pending: [],
    };
    const offs = [];

    // ---- layout
    const title = h('h1', { class: 'page-title' }, line.name);
    const lineNav = h('nav', { class: 'line-switch', 'aria-label': t('line.switch') },
      plant.lines.map((l) => h('a', { href: `#/line/${l.id}`, class: 'chip-link', 'aria-current': l.id === line.id ? 'page' : false, text: l.code })));
    const ro = runningOrder(plant, line.id);
    const orderInfo = h('p', { class: 'subtitle', text: ro ? t('line.order', { order: ro.order.number, product: ro.product?.name ?? '' }) : t('plant.noOrder') });
    const eqList = h('ul', { class: 'eq-list', id: 'equipment-list' });
    const oeeBox = h('div', { class: 'oee-box', id: 'line-oee' });
    const countsBox = h('div', { id: 'line-counts' });
    const stopsBox = h('div', { id: 'line-stops' }, loading());
    replace(body,
      h('div', { class: 'page-head' }, title, lineNav), orderInfo,
      h('div', { class: 'line-grid' },
        section(t('line.equipment'), eqList),
        h('div', { class: 'stack' }, section(t('line.oee'), oeeBox), section(t('line.counts'), countsBox))),
      section(t('line.stops'), stopsBox));

    const eqRefs = new Map();
    for (const e of equipment) {
      const refs = { state: h('span', {}), speed: h('span', { class: 'eq-speed' }), faults: h('ul', { class: 'fault-list' }), timeline: h('div', { class: 'timeline' }) };
      eqRefs.set(e.id.toLowerCase(), refs);
      eqList.append(h('li', { class: 'eq-item', dataset: { equipmentId: e.id } },
        h('div', { class: 'eq-head' },
          h('h3', { class: 'eq-name' }, e.name, e.id === constraint ? h('span', { class: 'tag', text: t('line.constraint') }) : null),
          h('span', { class: 'eq-actions' }, refs.state,
            h('a', { class: 'btn', href: `#/checklists/${line.id}/${e.id}`, 'aria-label': t('cl.openFor', { name: e.name }), dataset: { action: 'checklists' }, text: t('cl.open') }))),
        h('p', { class: 'eq-rate' }, h('span', { class: 'muted', text: t('line.rate') }), ' ', refs.speed),
        refs.timeline,
        refs.faults));
    }

    // ---- painting
    function paintEquipment(id) {
      const m = model.eq.get(id); const refs = eqRefs.get(id);
      if (!m || !refs) return;
      const cur = m.intervals[m.intervals.length - 1];
      replace(refs.state, stateChip(cur?.state));
      refs.speed.textContent = m.speed === null ? t('common.none') : `${fmtNumber(m.speed, 1)} ${m.unit}`;
      replace(refs.timeline, timelineBar(m.intervals, model.windowStart, new Date().toISOString(),
        t('line.timelineLabel', { name: m.e.name, from: fmtTime(model.windowStart) })),
      h('div', { class: 'tl-axis' }, h('span', { text: fmtTime(model.windowStart) }), h('span', { text: t('line.now') })));
      const alarms = m.faults.filter((f) => f.kind !== 'status');
      const status = m.faults.filter((f) => f.kind === 'status');
      replace(refs.faults,
        alarms.length
          ? alarms.map((f) => h('li', { class: ['fault', `fault-${f.kind || 'fault'}`, f.firstOut ? 'first-out' : ''] },
            h('span', { class: 'fault-code', text: f.code }), ' ', f.text || '', f.firstOut ? h('span', { class: 'tag', text: t('line.firstOut') }) : null,
            h('span', { class: 'muted' }, ' · ', t(`line.kind.${f.kind || 'fault'}`), ' · ', t('line.since', { time: fmtTime(f.start) }))))
          : [h('li', { class: 'muted', text: t('line.noFaults') })],
        status.length ? h('li', { class: 'muted status-msgs', text: t('line.statusMsgs', { list: status.map((f) => f.text || f.code).join(' · ') }) }) : null);
    }

    function paintKpis(kpis) {
      if (!settings) { replace(oeeBox, h('p', { text: t('line.noSettings') })); replace(countsBox); return; }
      const rows = [['oee', kpis?.oee], ['availability', kpis?.availability], ['performance', kpis?.effectiveness], ['quality', kpis?.qualityRatio]];
      replace(oeeBox, h('ul', { class: 'kpi-list' }, rows.map(([k, v]) => h('li', { class: ['kpi', `kpi-${k}`] },
        h('span', { class: 'kpi-label', text: t(`kpi.${k}`) }), h('span', { class: 'kpi-value', dataset: { kpi: k }, text: fmtPct(v) }),
        ratioBar(v, `${t(`kpi.${k}`)} ${fmtPct(v)}`)))),
      kpis?.idealRateMisconfigured ? h('p', { class: 'warn', text: t('kpi.misconfigured') }) : null);
      const q = kpis?.quantities || {};
      const cm = model.eq.get(constraint?.toLowerCase());
      replace(countsBox, kv([
        [t('line.good'), fmtNumber(q.good)], [t('line.rejects'), fmtNumber(q.rejects)],
        [t('line.target'), q.target ? fmtNumber(q.target) : t('common.none')],
        [t('line.attainment'), fmtPct(kpis?.targetAttainment)],
        [t('line.constraintRate'), cm && cm.speed !== null ? `${fmtNumber(cm.speed, 1)} ${cm.unit}` : t('common.none')],
        [t('line.shift'), model.shift ? `${model.shift.label}` : t('common.none')],
      ]));
    }

    function pendingFor(stop) {
      return model.pending.filter((p) => p.meta?.stopKey === `${stop.equipmentId.toLowerCase()}@${stop.start}`);
    }

    function paintStops() {
      const all = [];
      for (const m of model.eq.values()) for (const s of m.stops) all.push({ s, m });
      all.sort((a, b) => (a.s.start < b.s.start ? 1 : -1));
      if (!settings) { replace(stopsBox, h('p', { text: t('line.noSettings') })); return; }
      if (!all.length) { replace(stopsBox, h('p', { class: 'muted', text: t('line.noStops') })); return; }
      replace(stopsBox, h('ul', { class: 'stop-list', id: 'stop-list' }, all.map(({ s, m }) => {
        const code = s.reasonCode;
        const info = code ? reasons.get(code) : null;
        const proposed = !code && s.proposedReasonCode ? reasons.get(s.proposedReasonCode) : null;
        const pend = pendingFor(s);
        const dur = (Date.parse(s.end) - Date.parse(s.start)) / 1000;
        return h('li', { class: ['stop', code ? 'coded' : 'uncoded'], dataset: { stopStart: s.start, equipmentId: s.equipmentId, reason: code || '' } },
          h('div', { class: 'stop-main' },
            h('strong', { text: `${fmtTime(s.start)} – ${fmtTime(s.end)}` }), ' ',
            h('span', { text: fmtDuration(dur) }), ' · ', m.e.name, ' · ', stateChip(s.initialState),
            s.firstOutFaultCode ? h('span', { class: 'muted' }, ' · ', t('line.firstOutFault', { code: s.firstOutFaultCode })) : null),
          h('div', { class: 'stop-reason' },
            code ? h('span', { class: 'reason coded-reason', text: info ? `${info.category.name} › ${info.reason.name}` : code })
              : h('span', { class: 'reason uncoded-reason', text: proposed ? t('line.proposed', { reason: proposed.reason.name }) : t('line.uncoded') }),
            pend.map((p) => h('span', { class: ['pending-tag', p.status === 'rejected' ? 'rejected' : ''], text: p.status === 'rejected' ? t('line.rejectedTag') : t('line.pendingTag', { what: t(p.label.key, p.label.params) }) }))),
          h('div', { class: 'stop-actions' },
            h('button', { class: 'btn btn-primary', type: 'button', text: code ? t('line.recode') : t('line.code'), on: { click: () => codeStop(s, m) } }),
            h('button', { class: 'btn', type: 'button', text: t('line.split'), on: { click: () => splitStop(s, m) } })));
      })));
    }

    // ---- actions (through the outbox)
    async function codeStop(stop, m) {
      const picked = await dialog(t('line.codeTitle', { name: m.e.name, time: fmtTime(stop.start) }), (box, close) => {
        const comment = h('textarea', { id: 'stop-comment', rows: 2, maxlength: 1000 });
        function categories() {
          replace(box,
            h('p', { text: t('line.pickCategory') }),
            h('div', { class: 'choice-grid' }, settings.reasonTree.categories.map((c) =>
              h('button', { class: ['btn', 'choice', `plan-${c.planning}`], type: 'button', on: { click: () => reasonsOf(c) } },
                h('span', { class: 'choice-title', text: c.name }), h('span', { class: 'choice-sub', text: t(`planning.${c.planning}`) })))));
          box.querySelector('button')?.focus();
        }
        function reasonsOf(c) {
          replace(box,
            h('p', {}, h('button', { class: 'btn btn-ghost', type: 'button', text: `‹ ${t('line.back')}`, on: { click: categories } }), ' ', h('strong', { text: c.name })),
            h('div', { class: 'choice-grid' }, c.reasons.map((r) =>
              h('button', { class: 'btn choice', type: 'button', dataset: { reason: r.code }, on: { click: () => close({ code: r.code, name: r.name, comment: comment.value.trim() }) } },
                h('span', { class: 'choice-title', text: r.name })))),
            h('label', { for: 'stop-comment', text: t('line.comment') }), comment);
          box.querySelector('.choice-grid button')?.focus();
        }
        categories();
      });
      if (!picked) return;
      const stopKey = `${stop.equipmentId.toLowerCase()}@${stop.start}`;
      await outbox.enqueue({
        path: `/v1/equipment/${stop.equipmentId}/stop-codings`,
        body: { stopStart: stop.start, reasonCode: picked.code, comment: picked.comment || null },
        label: { key: 'action.codeStop', params: { reason: picked.name, name: m.e.name, time: fmtTime(stop.start) } },
        kind: 'stop-coding', meta: { stopKey },
      });
      toast(t(navigator.onLine ? 'action.queued' : 'action.queuedOffline'));
    }

    async function splitStop(stop, m) {
      const a = Date.parse(stop.start), b = Date.parse(stop.end);
      if (b - a < 2000) { toast(t('line.tooShort'), 'error'); return; }
      const at = await dialog(t('line.splitTitle', { name: m.e.name }), (box, close) => {
        const range = h('input', { type: 'range', id: 'split-at', min: 1, max: 99, value: 50, 'aria-describedby': 'split-out' });
        const out = h('output', { id: 'split-out', for: 'split-at' });
        const when = () => new Date(a + ((b - a) * Number(range.value)) / 100);
        const show = () => { out.textContent = t('line.splitAt', { time: fmtTime(when().toISOString()) }); };
        range.addEventListener('input', show); show();
        replace(box,
          h('p', { text: t('line.splitHelp', { from: fmtTime(stop.start), to: fmtTime(stop.end) }) }),
          h('label', { for: 'split-at', text: t('line.splitWhere') }), range, out,
          h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'button', text: t('line.split'), on: { click: () => close(when().toISOString()) } })));
      });
      if (!at) return;
      await outbox.enqueue({
        path: `/v1/equipment/${stop.equipmentId}/stop-splits`,
        body: { stopStart: stop.start, at },
        label: { key: 'action.splitStop', params: { name: m.e.name, time: fmtTime(at) } },
        kind: 'stop-split', meta: { stopKey: `${stop.equipmentId.toLowerCase()}@${stop.start}` },
      });
      toast(t(navigator.onLine ? 'action.queued' : 'action.queuedOffline'));
    }

    // ---- loading
    async function loadShift() {
      if (!settings) return;
      try {
        model.shift = await currentShift(line.id);
        if (model.shift) model.windowStart = model.shift.window.start;
        paintKpis(model.shift?.kpis);
      } catch { /* keep last */ }
    }
    async function loadEquipment(m) {
      const id = m.e.id;
      const [states, faults, latest] = await Promise.all([
        api(`/v1/equipment/${id}/states${qs({ from: model.windowStart })}`).catch(() => null),
        api(`/v1/equipment/${id}/faults/active`).catch(() => null),
        api(`/v1/equipment/${id}/latest`).catch(() => null),
      ]);
      if (states) m.intervals = states.items;
      if (faults) m.faults = faults.items;
      if (latest) {
        const sp = latest.items.find((x) => x.role === 'speed');
        if (sp) { m.speedMetric = sp.metricId.toLowerCase(); m.speed = sp.value; m.unit = sp.unit || ''; }
      }
      paintEquipment(id.toLowerCase());
    }
    async function loadStops() {
      if (!settings) { paintStops(); return; }
      await Promise.all([...model.eq.values()].map(async (m) => {
        try {
          const perf = await api(`/v1/equipment/${m.e.id}/performance${qs({ from: model.windowStart })}`);
          m.stops = perf.stops || [];
        } catch { /* keep */ }
      }));
      model.pending = (await outbox.open()).filter((p) => p.meta?.stopKey);
      paintStops();
    }
    async function loadAll() {
      await loadShift();
      await Promise.all([...model.eq.values()].map(loadEquipment));
      await loadStops();
      paintKpis(model.shift?.kpis);
    }

    live.setTopics([`line:${line.id}`]);
    offs.push(live.onEvent((msg) => {
      const d = msg.data || {};
      const m = d.equipmentId ? model.eq.get(d.equipmentId.toLowerCase()) : null;
      if (msg.event === 'state' && m) {
        const last = m.intervals[m.intervals.length - 1];
        if (last && !last.end) last.end = d.opened.start;
        m.intervals.push({ ...d.opened });
        paintEquipment(m.e.id.toLowerCase());
        loadStops();
      } else if (msg.event === 'values' && m && d.metricId?.toLowerCase() === m.speedMetric) {
        m.speed = d.value;
        paintEquipment(m.e.id.toLowerCase());
        if (m.e.id === constraint) paintKpis(model.shift?.kpis);
      } else if (msg.event === 'fault' && m) {
        loadEquipment(m);
      } else if (msg.event === 'stop') {
        loadStops();
      } else if (msg.event === 'oee' && d.lineId?.toLowerCase() === line.id.toLowerCase()) {
        if (model.shift) model.shift = d.period; else model.shift = d.period;
        paintKpis(d.period?.kpis);
      }
    }));
    offs.push(live.onResync(() => loadAll()));
    offs.push(on('outbox', async () => { model.pending = (await outbox.open()).filter((p) => p.meta?.stopKey); paintStops(); }));
    offs.push(on('outbox-sent', (item) => { if (item.kind?.startsWith('stop')) loadStops(); }));
    // Codings by other people are not on the live feed (see report): poll the stops.
    const poll = setInterval(loadStops, 15000);
    const tick = setInterval(() => model.eq.forEach((m, id) => paintEquipment(id)), 10000);
    await loadAll();
    return () => { clearInterval(poll); clearInterval(tick); offs.forEach((f) => f()); };
  },
};
