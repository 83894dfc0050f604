// Translation: every visible string comes from a catalogue in ../i18n/<lang>.js.
import en from '../i18n/en.js';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
];

let current = en;
let lang = 'en';

export async function setLanguage(code) {
  if (!LANGUAGES.some((l) => l.code === code)) code = 'en';
  current = code === 'en' ? en : (await import(`../i18n/${code}.js`)).default;
  lang = code;
  document.documentElement.lang = code;
}

export function language() { return lang; }

/** t('key', {name: 'x'}) — missing keys fall back to English, then to the key itself. */
export function t(key, params) {
  let text = current[key] ?? en[key] ?? key;
  if (params) text = text.replace(/\{(\w+)\}/g, (m, p) => (p in params ? String(params[p]) : m));
  return text;
}

// Formatting follows the chosen language.
export function fmtNumber(n, digits = 0) {
  if (n === null || n === undefined || Number.isNaN(n)) return t('common.none');
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}
/** As many decimals as the number has (up to 6): limits and measured values. */
export function fmtDecimal(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return t('common.none');
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 6 }).format(n);
}
export function fmtPct(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return t('common.none');
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
export function fmtTime(iso) {
  if (!iso) return t('common.none');
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}
export function fmtDateTime(iso) {
  if (!iso) return t('common.none');
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
export function fmtDay(iso, timeZone) {
  return new Intl.DateTimeFormat(lang, { day: '2-digit', month: '2-digit', timeZone }).format(new Date(iso));
}
export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined) return t('common.none');
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  if (hh) return t('duration.hm', { h: hh, m: String(mm).padStart(2, '0') });
  if (mm) return t('duration.ms', { m: mm, s: String(ss).padStart(2, '0') });
  return t('duration.s', { s: ss });
}
