import { h } from '../dom.js';
import { t } from '../i18n.js';
import { login } from '../auth.js';

export default {
  render(root) {
    const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
    const pass = h('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const code = h('input', { id: 'login-totp', name: 'totp', autocomplete: 'one-time-code', inputmode: 'numeric', spellcheck: 'false' });
    const codeLabel = h('label', { for: 'login-totp', text: t('login.totp') });
    code.hidden = true; codeLabel.hidden = true;   // shown when the account has a second factor
    const msg = h('p', { class: 'form-error', role: 'alert', id: 'login-error' });
    const btn = h('button', { class: 'btn btn-primary btn-wide', type: 'submit', text: t('login.submit') });
    const form = h('form', { class: 'login-form', novalidate: true },
      h('img', { src: 'icons/icon.svg', alt: t('app.logoAlt'), width: 72, height: 72, class: 'login-logo' }),
      h('h1', { text: t('login.title') }),
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
    root.append(h('div', { class: 'login-wrap' }, form));
    user.focus();
  },
};
