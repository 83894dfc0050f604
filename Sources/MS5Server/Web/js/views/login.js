import { h } from '../dom.js';
import { t } from '../i18n.js';
import { login, deviceToken, setDeviceToken } from '../auth.js';
import { badgeForm } from './badge.js';

/** The user name and password form, with the TOTP code field shown when the account needs it. */
function passwordForm() {
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const pass = h('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const code = h('input', { id: 'login-totp', name: 'totp', autocomplete: 'one-time-code', inputmode: 'numeric', spellcheck: 'false' });
  const codeLabel = h('label', { for: 'login-totp', text: t('login.totp') });
  code.hidden = true; codeLabel.hidden = true;   // shown when the account has a second factor
  const msg = h('p', { class: 'form-error', role: 'alert', id: 'login-error' });
  const btn = h('button', { class: 'btn btn-primary btn-wide', type: 'submit', text: t('login.submit') });
  const form = h('form', { novalidate: true },
    h('label', { for: 'login-user', text: t('login.username') }), user,
    h('label', { for: 'login-pass', text: t('login.password') }), pass,
    codeLabel, code,
    msg, btn);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    msg.textContent = '';
    if (!user.value || !pass.value) { msg.textContent = t('login.missing'); return; }
    btn.disabled = true; btn.textContent = t('login.signingIn');
    try {
      const u = await login(user.value.trim(), pass.value, code.hidden ? undefined : code.value.trim());
      if (u.mustChangePassword) msg.textContent = t('login.mustChange');
      location.hash = '#/plant';
    } catch (err) {
      const problem = err.problem?.code;
      if (problem === 'totp-required' || problem === 'totp-invalid') {
        code.hidden = false; codeLabel.hidden = false; code.value = ''; code.focus();
        msg.textContent = t(problem === 'totp-required' ? 'login.totpNeeded' : 'login.totpWrong');
        return;
      }
      msg.textContent = err.status === 401 ? t('login.failed') : (navigator.onLine ? t('login.error', { detail: err.message }) : t('login.offline'));
    } finally { btn.disabled = false; btn.textContent = t('login.submit'); }
  });
  return { form, focus: () => user.focus() };
}

/** Storing (or removing) the device token that makes this browser a registered shared tablet. */
function tabletRegistration(onChange) {
  const registered = deviceToken() !== null;
  const token = h('input', { id: 'device-token', name: 'deviceToken', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none' });
  const save = h('button', { class: 'btn', type: 'button', text: t('login.saveDevice'), on: { click: () => {
    if (!token.value.trim()) { token.focus(); return; }
    setDeviceToken(token.value.trim());
    onChange('badge');
  } } });
  const forget = h('button', { class: 'btn btn-ghost', type: 'button', text: t('login.forgetDevice'), on: { click: () => {
    setDeviceToken(null);
    onChange('password');
  } } });
  return h('details', { class: 'tablet-registration' },
    h('summary', { text: t('login.registerTablet') }),
    registered ? [h('p', { text: t('login.tabletRegistered') }), forget]
      : [h('label', { for: 'device-token', text: t('login.deviceToken') }), token, save]);
}

export default {
  render(root) {
    const show = (mode, notice) => {
      const active = mode === 'badge' ? badgeForm(() => show('password', t('login.deviceRefused'))) : passwordForm();
      const other = mode === 'badge' ? 'password' : 'badge';
      const card = h('div', { class: 'login-form' },
        h('img', { src: 'icons/icon.svg', alt: t('app.logoAlt'), width: 72, height: 72, class: 'login-logo' }),
        h('h1', { text: t('login.title') }),
        notice ? h('p', { class: 'form-error', role: 'alert', text: notice }) : null,
        active.form,
        deviceToken() ? h('button', { class: 'btn btn-ghost btn-wide', type: 'button', text: t(`login.use.${other}`), on: { click: () => show(other) } }) : null,
        tabletRegistration(show));
      root.replaceChildren(h('div', { class: 'login-wrap' }, card));
      active.focus();
    };
    show(deviceToken() ? 'badge' : 'password');
  },
};
