// Settings: this tablet's line, theme, language; the account; sign out.
import { h } from '../dom.js';
import { t, LANGUAGES } from '../i18n.js';
import { emit } from '../events.js';
import { live } from '../live.js';
import { getSettings, saveSettings, THEMES } from '../settings.js';
import { currentUser, logout } from '../auth.js';
import { loadPlant } from '../data.js';
import { section, kv, toast, errorBox } from '../ui.js';

export default {
  async render(root) {
    root.append(h('h1', { class: 'page-title', text: t('settings.title') }));
    live.setTopics([]);
    const st = getSettings();
    let plant = null;
    try { plant = await loadPlant(); } catch (e) { root.append(errorBox(e)); }
    const lineSel = h('select', { id: 'set-line' }, h('option', { value: '', text: t('settings.noLine') }),
      (plant?.lines || []).map((l) => h('option', { value: l.id, text: l.name, selected: l.id === st.lineId })));
    lineSel.addEventListener('change', () => { saveSettings({ lineId: lineSel.value || null }); toast(t('settings.saved')); });
    const themeSel = h('fieldset', { class: 'radio-group' }, h('legend', { text: t('settings.theme') }),
      THEMES.map((th) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'theme', value: th, checked: st.theme === th, on: { change: () => { saveSettings({ theme: th }); toast(t('settings.saved')); } } }),
        t(`settings.theme.${th}`))));
    const langSel = h('select', { id: 'set-lang' }, LANGUAGES.map((l) => h('option', { value: l.code, text: l.name, selected: l.code === st.lang })));
    langSel.addEventListener('change', () => { saveSettings({ lang: langSel.value }); emit('language', {}); });
    const user = currentUser();
    root.append(
      section(t('settings.tablet'),
        h('div', { class: 'field' }, h('label', { for: 'set-line', text: t('settings.line') }), lineSel, h('p', { class: 'muted', text: t('settings.lineHelp') })),
        themeSel,
        h('div', { class: 'field' }, h('label', { for: 'set-lang', text: t('settings.language') }), langSel)),
      section(t('settings.account'),
        kv([[t('settings.user'), user ? `${user.displayName || user.username} (${user.username})` : ''], [t('settings.role'), user?.role || '']]),
        h('button', { class: 'btn btn-danger', type: 'button', id: 'sign-out', text: t('settings.signOut'), on: { click: () => logout() } })),
      section(t('settings.about'), h('p', { class: 'muted', text: t('settings.aboutText') })));
  },
};
