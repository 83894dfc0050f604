// OEE and losses: KPIs by shift and by day, Pareto of unplanned stops, OEE trend, stop time per day.
import { h, replace } from '../dom.js';
import { t, fmtPct, fmtDuration, fmtDay, fmtDateTime, fmtNumber } from '../i18n.js';
import { api, qs } from '../api.js';
import { live } from '../live.js';
import { getSettings } from '../settings.js';
import { loadPlant, lineById, equipmentById } from '../data.js';
import { loading, errorBox, section } from '../ui.js';
import { pareto, trend, bars } from '../charts.js';

const RANGES = { 1: 'oee.range1', 7: 'oee.range7', 14: 'oee.range14' };

export default {
  async render(root, params) {
    const body = h('div', {}, loading());
    root.append(h('h1', { class: 'page-title', text: t('oee.title') }), body);
    let plant;
    try { plant = await loadPlant(); } catch (e) { replace(body, errorBox(e, () => location.reload())); return undefined; }
    const line = lineById(plant, params[0] || getSettings().lineId || plant.lines[0]?.id) || plant.lines[0];
    const days = Number(params[1]) in RANGES ? Number(params[1]) : 7;
    const controls = h('div', { class: 'page-head' },
      h('nav', { class: 'line-switch', 'aria-label': t('line.switch') }, plant.lines.map((l) =>
        h('a', { href: `#/oee/${l.id}/${days}`, class: 'chip-link', 'aria-current': l.id === line.id ? 'page' : false, text: l.code }))),
      h('nav', { class: 'line-switch', 'aria-label': t('oee.range') }, Object.entries(RANGES).map(([d, k]) =>
        h('a', { href: `#/oee/${line.id}/${d}`, class: 'chip-link', 'aria-current': Number(d) === days ? 'page' : false, text: t(k) }))));
    replace(body, controls, h('p', { class: 'subtitle', text: line.name }));
    if (!plant.settings[line.id]) { body.append(h('p', { text: t('line.noSettings') })); return undefined; }
    const content = h('div', {}, loading());
    body.append(content);
    live.setTopics([`oee:${line.id}`]);

    const from = new Date(Date.now() - days * 86400e3).toISOString();
    // Days are the site's local days: label them in its time zone, not the tablet's.
    const tz = plant.sites.find((x) => x.id === line.siteId)?.timeZone;
    async function load() {
      try {
        const [byShift, byDay, losses] = await Promise.all([
          api(`/v1/lines/${line.id}/performance/periods${qs({ by: 'shift', from: new Date(Date.now() - Math.min(days, 3) * 86400e3).toISOString() })}`),
          api(`/v1/lines/${line.id}/performance/periods${qs({ by: 'day', from })}`),
          api(`/v1/lines/${line.id}/losses${qs({ from })}`),
        ]);
        const table = (items, caption) => h('div', { class: 'table-wrap' }, h('table', { class: 'data-table' },
          h('caption', { text: caption }),
          h('thead', {}, h('tr', {}, ['oee.period', 'kpi.oee', 'kpi.availability', 'kpi.performance', 'kpi.quality', 'line.good', 'line.rejects', 'oee.stopTime'].map((k) => h('th', { scope: 'col', text: t(k) })))),
          h('tbody', {}, [...items].reverse().map((p) => {
            const k = p.kpis || {};
            const stopTime = (k.time?.breakdownTime || 0) + (k.time?.minorStopTime || 0) + (k.time?.otherStopTime || 0) + (k.time?.setupTime || 0) + (k.time?.uncodedStopTime || 0);
            return h('tr', {},
              h('th', { scope: 'row', text: p.label || fmtDateTime(p.window.start) }),
              h('td', { text: fmtPct(k.oee) }), h('td', { text: fmtPct(k.availability) }), h('td', { text: fmtPct(k.effectiveness) }), h('td', { text: fmtPct(k.qualityRatio) }),
              h('td', { text: fmtNumber(k.quantities?.good) }), h('td', { text: fmtNumber(k.quantities?.rejects) }), h('td', { text: fmtDuration(stopTime) }));
          }))));
        const paretoItems = (losses.pareto || []).map((x) => ({ label: x.reasonName || x.reasonCode || t('line.uncoded'), value: x.duration || 0 })).sort((a, b) => b.value - a.value).slice(0, 10);
        const trendPts = (byDay.items || []).map((p) => ({ label: fmtDay(p.window.start, tz), value: p.kpis?.oee ?? null }));
        const dayBars = (losses.dailyTrend || []).map((d) => ({ label: fmtDay(d.day.start, tz), value: d.duration || 0 }));
        const perEq = (losses.byEquipment || []).map((x) => h('li', {}, `${equipmentById(plant, x.equipmentId)?.name || x.equipmentId}: `,
          h('strong', { text: fmtDuration(x.duration) }), ` (${t('oee.stops', { n: x.count })}, ${fmtPct(x.shareOfStopTime)})`));
        replace(content,
          h('div', { class: 'chart-grid' },
            section(t('oee.pareto'), paretoItems.length ? pareto(paretoItems, t('oee.paretoLabel', { n: paretoItems.length })) : h('p', { class: 'muted', text: t('oee.noStops') }),
              h('ol', { class: 'pareto-legend' }, paretoItems.map((x) => h('li', {}, `${x.label}: `, h('strong', { text: fmtDuration(x.value) }))))),
            section(t('oee.trend'), trend(trendPts, t('oee.trendLabel', { days })))),
          h('div', { class: 'chart-grid' },
            section(t('oee.stopsPerDay'), bars(dayBars, t('oee.stopsPerDayLabel'))),
            section(t('oee.byEquipment'), perEq.length ? h('ul', { class: 'plain-list' }, perEq) : h('p', { class: 'muted', text: t('oee.noStops') }))),
          section(t('oee.byShift'), table(byShift.items || [], t('oee.byShiftCaption'))),
          section(t('oee.byDay'), table(byDay.items || [], t('oee.byDayCaption'))));
      } catch (e) { replace(content, errorBox(e, load)); }
    }
    await load();
    const poll = setInterval(load, 60000);
    const off = live.onResync(load);
    return () => { clearInterval(poll); off(); };
  },
};
