// Small SVG charts. Every chart has role="img", an aria-label and a <title>; colours come from CSS
// classes (fill/stroke in app.css), geometry from SVG attributes — no inline styles.
import { s } from './dom.js';
import { t, fmtPct, fmtDuration } from './i18n.js';

function frame(label, w, h, cls) {
  return s('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': label, class: ['chart', cls], preserveAspectRatio: 'none' },
    s('title', { text: label }));
}

/** A horizontal state timeline: intervals [{state,start,end?}] between start and end. */
export function timelineBar(intervals, start, end, label) {
  const W = 1000, H = 40;
  const svg = frame(label, W, H, 'chart-timeline');
  const t0 = Date.parse(start), t1 = Date.parse(end), span = Math.max(1, t1 - t0);
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, class: 'tl-empty' }));
  for (const iv of intervals) {
    const a = Math.max(t0, Date.parse(iv.start));
    const b = Math.min(t1, iv.end ? Date.parse(iv.end) : t1);
    if (b <= a) continue;
    const x = ((a - t0) / span) * W, w = Math.max(1, ((b - a) / span) * W);
    svg.append(s('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: H, class: `st-fill-${iv.state}` },
      s('title', { text: `${t(`state.${iv.state}`)} ${fmtDuration((b - a) / 1000)}` })));
  }
  return svg;
}

/** A ratio bar 0..1 (e.g. OEE, A, P, Q, count vs target). */
export function ratioBar(ratio, label, cls = '') {
  const W = 200, H = 16;
  const svg = frame(label, W, H, ['chart-ratio', cls].join(' '));
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, rx: 3, class: 'bar-track' }));
  if (ratio !== null && ratio !== undefined && !Number.isNaN(ratio)) {
    svg.append(s('rect', { x: 0, y: 0, width: (Math.max(0, Math.min(1, ratio)) * W).toFixed(1), height: H, rx: 3, class: 'bar-fill' }));
  }
  return svg;
}

/** Pareto of stop time: items [{label, value}] sorted desc; bars + cumulative line. */
export function pareto(items, label) {
  const W = 600, H = 260, L = 50, B = 70, T = 14, R = 40;
  const svg = frame(label, W, H, 'chart-pareto');
  if (!items.length) return svg;
  const total = items.reduce((a, x) => a + x.value, 0) || 1;
  const max = items[0].value || 1;
  const bw = (W - L - R) / items.length;
  svg.append(s('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis' }));
  let cum = 0; const pts = [];
  items.forEach((it, i) => {
    const bh = (it.value / max) * (H - B - T);
    const x = L + i * bw;
    svg.append(s('rect', { x: (x + bw * 0.15).toFixed(1), y: (H - B - bh).toFixed(1), width: (bw * 0.7).toFixed(1), height: bh.toFixed(1), class: 'bar-fill' },
      s('title', { text: `${it.label}: ${fmtDuration(it.value)}` })));
    svg.append(s('text', { x: (x + bw / 2).toFixed(1), y: H - B + 16, 'text-anchor': 'middle', class: 'chart-label' }, it.label.length > 14 ? it.label.slice(0, 13) + '…' : it.label));
    svg.append(s('text', { x: (x + bw / 2).toFixed(1), y: H - B + 34, 'text-anchor': 'middle', class: 'chart-label' }, fmtDuration(it.value)));
    cum += it.value;
    pts.push(`${(x + bw / 2).toFixed(1)},${(H - B - (cum / total) * (H - B - T)).toFixed(1)}`);
  });
  svg.append(s('polyline', { points: pts.join(' '), class: 'cum-line', fill: 'none' }));
  svg.append(s('text', { x: W - R + 4, y: T + 4, class: 'chart-label' }, fmtPct(1)));
  svg.append(s('text', { x: 4, y: T + 4, class: 'chart-label' }, fmtDuration(max)));
  return svg;
}

/** A trend of ratios (0..1) over labelled points [{label, value}]; null values are gaps. */
export function trend(points, label) {
  const W = 600, H = 220, L = 44, B = 40, T = 12, R = 32;
  const svg = frame(label, W, H, 'chart-trend');
  for (const g of [0, 0.5, 1]) {
    const y = H - B - g * (H - B - T);
    svg.append(s('line', { x1: L, y1: y, x2: W - R, y2: y, class: 'grid' }));
    svg.append(s('text', { x: 4, y: y + 4, class: 'chart-label' }, fmtPct(g)));
  }
  const n = points.length;
  const xOf = (i) => L + (n <= 1 ? (W - L - R) / 2 : (i / (n - 1)) * (W - L - R));
  let seg = [];
  const flushSeg = () => { if (seg.length > 1) svg.append(s('polyline', { points: seg.join(' '), class: 'trend-line', fill: 'none' })); seg = []; };
  points.forEach((p, i) => {
    const x = xOf(i);
    if (i % Math.ceil(n / 8) === 0) svg.append(s('text', { x: x.toFixed(1), y: H - B + 18, 'text-anchor': 'middle', class: 'chart-label' }, p.label));
    if (p.value === null || p.value === undefined) { flushSeg(); return; }
    const y = H - B - Math.max(0, Math.min(1, p.value)) * (H - B - T);
    seg.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    svg.append(s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 4, class: 'trend-dot' }, s('title', { text: `${p.label}: ${fmtPct(p.value)}` })));
  });
  flushSeg();
  return svg;
}

/** Bars of durations [{label, value}] (e.g. unplanned stop time per day). */
export function bars(items, label) {
  const W = 600, H = 200, L = 10, B = 40, T = 20, R = 10;
  const svg = frame(label, W, H, 'chart-bars');
  const max = Math.max(1, ...items.map((x) => x.value));
  const bw = (W - L - R) / Math.max(1, items.length);
  items.forEach((it, i) => {
    const bh = (it.value / max) * (H - B - T);
    const x = L + i * bw;
    svg.append(s('rect', { x: (x + bw * 0.2).toFixed(1), y: (H - B - bh).toFixed(1), width: (bw * 0.6).toFixed(1), height: Math.max(0, bh).toFixed(1), class: 'bar-fill' },
      s('title', { text: `${it.label}: ${fmtDuration(it.value)}` })));
    svg.append(s('text', { x: (x + bw / 2).toFixed(1), y: H - B + 18, 'text-anchor': 'middle', class: 'chart-label' }, it.label));
    if (it.value > 0) svg.append(s('text', { x: (x + bw / 2).toFixed(1), y: (H - B - bh - 4).toFixed(1), 'text-anchor': 'middle', class: 'chart-label' }, fmtDuration(it.value)));
  });
  return svg;
}
