// Badge and PIN sign-in for a registered shared tablet: the badge number (typed, or sent by a
// badge reader that types like a keyboard) and the PIN on a large keypad.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { badgeLogin } from '../auth.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];

/** The badge sign-in form; `onDeviceRefused` runs when the server no longer knows the tablet. */
export function badgeForm(onDeviceRefused) {
  const badge = h('input', { id: 'login-badge', name: 'badge', autocomplete: 'off', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const pin = h('input', { id: 'login-pin', name: 'pin', type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: 8, required: true });
  const msg = h('p', { class: 'form-error', role: 'alert', id: 'login-badge-error' });
  const btn = h('button', { class: 'btn btn-primary btn-wide btn-big', type: 'submit', text: t('login.submit') });
  const press = (key) => {
    if (key === 'clear') pin.value = '';
    else if (key === 'back') pin.value = pin.value.slice(0, -1);
    else if (pin.value.length < 8) pin.value += key;
  };
  const keypad = h('div', { class: 'keypad', role: 'group', 'aria-label': t('login.keypad') },
    KEYS.map((key) => h('button', {
      type: 'button', class: 'btn keypad-key', dataset: { key },
      text: { clear: t('login.key.clear'), back: '⌫' }[key] ?? key,
      'aria-label': key === 'back' ? t('login.key.back') : undefined,
      on: { click: () => { press(key); pin.focus(); } },
    })));
  const form = h('form', { class: 'badge-form', novalidate: true },
    h('label', { for: 'login-badge', text: t('login.badge') }), badge,
    h('label', { for: 'login-pin', text: t('login.pin') }), pin,
    keypad, msg, btn);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    msg.textContent = '';
    if (!badge.value.trim()) { msg.textContent = t('login.badgeMissing'); badge.focus(); return; }
    if (!pin.value) { pin.focus(); return; }   // a badge reader ends with Enter: the PIN comes next
    btn.disabled = true; btn.textContent = t('login.signingIn');
    try {
      await badgeLogin(badge.value.trim(), pin.value);
      location.hash = '#/plant';
    } catch (err) {
      const problem = err.problem?.code;
      pin.value = '';
      if (problem === 'device-not-registered') { onDeviceRefused(); return; }
      if (problem === 'badge-locked') msg.textContent = t('login.badgeLocked');
      else if (err.status === 401) msg.textContent = t('login.badgeFailed');
      else msg.textContent = navigator.onLine ? t('login.error', { detail: err.message }) : t('login.offline');
    } finally { btn.disabled = false; btn.textContent = t('login.submit'); }
  });
  return { form, focus: () => badge.focus() };
}
