// This tablet's preferences, kept in localStorage.
const KEY = 'ms5.settings';
const defaults = { lineId: null, theme: 'dark', lang: 'en' };

export function getSettings() {
  try { return { ...defaults, ...JSON.parse(localStorage.getItem(KEY) || '{}') }; } catch { return { ...defaults }; }
}
export function saveSettings(patch) {
  const next = { ...getSettings(), ...patch };
  localStorage.setItem(KEY, JSON.stringify(next));
  applyTheme(next.theme);
  return next;
}
export const THEMES = ['dark', 'contrast', 'light'];
export function applyTheme(theme) {
  document.documentElement.dataset.theme = THEMES.includes(theme) ? theme : 'dark';
}
