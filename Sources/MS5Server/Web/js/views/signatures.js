// Electronic signatures of a completed checklist: who signed with which meaning, and a Sign
// button that asks for the password (and TOTP code) again. Signing needs the server: it is not
// queued in the outbox, because a signature is given by the person at the tablet, now.
import { h, replace } from '../dom.js';
import { t, fmtDateTime } from '../i18n.js';
import { api } from '../api.js';
import { currentUser } from '../auth.js';
import { dialog, toast } from '../ui.js';

const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

/** The meanings the signed-in user may give a record authored by `author`. */
function meaningsFor(author) {
  const me = currentUser();
  if (!me || me.role === 'viewer') return [];
  if (same(me.username, author)) return ['authored'];
  return ['admin', 'manager', 'engineer', 'supervisor', 'quality'].includes(me.role) ? ['reviewed', 'approved'] : ['reviewed'];
}

/** Asks for meaning and credentials and signs; resolves true once signed. */
async function sign(completion, title) {
  const me = currentUser();
  const meanings = meaningsFor(completion.completedBy);
  return dialog(t('sig.title', { name: title }), (box, close) => {
    let meaning = meanings[0];
    const choices = meanings.map((m) => h('button', {
      class: 'btn choice', type: 'button', 'aria-pressed': String(m === meaning), dataset: { meaning: m },
      on: { click: () => { meaning = m; choices.forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.meaning === m))); } },
    }, h('span', { class: 'choice-title', text: t(`sig.m.${m}`) }), h('span', { class: 'choice-sub', text: t(`sig.d.${m}`) })));
    const password = h('input', { id: 'sig-password', type: 'password', autocomplete: 'current-password', required: true });
    const totp = me?.totpEnabled ? h('input', { id: 'sig-totp', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 32 }) : null;
    const error = h('p', { class: 'form-error', role: 'alert', id: 'sig-error' });
    const confirm = h('button', { class: 'btn btn-primary btn-big', type: 'submit', id: 'sig-confirm', text: t('sig.confirm') });
    async function submit(e) {
      e.preventDefault();
      if (!password.value) { error.textContent = t('sig.passwordNeeded'); password.focus(); return; }
      confirm.disabled = true; error.textContent = '';
      try {
        await api(`/v1/checklist-completions/${completion.id}/signatures`, {
          method: 'POST', body: { meaning, password: password.value, totp: totp?.value.trim() || null },
        });
        close(meaning);
      } catch (err) {
        error.textContent = err.status === 0 ? t('sig.offline') : (err.problem?.detail || err.message);
        password.value = ''; confirm.disabled = false; password.focus();
      }
    }
    replace(box, h('form', { id: 'sig-form', novalidate: true, on: { submit } },
      h('p', { text: t('sig.help') }),
      h('div', { class: 'choice-grid', role: 'group', 'aria-label': t('sig.meaning') }, choices),
      h('label', { for: 'sig-password', text: t('sig.password') }), password,
      totp ? [h('label', { for: 'sig-totp', text: t('sig.totp') }), totp] : null,
      error, h('div', { class: 'actions' }, confirm)));
    password.focus();
  }).then((meaning) => {
    if (meaning) toast(t('sig.done', { meaning: t(`sig.m.${meaning}`) }));
    return Boolean(meaning);
  });
}

/** The signatures of `completion` and, when the user may still sign, a Sign button; `onSigned` reloads. */
export function signatureLine(completion, signatures, title, onSigned) {
  const me = currentUser();
  const open = meaningsFor(completion.completedBy)
    .filter((m) => !signatures.some((s) => same(s.username, me?.username) && s.meaning === m));
  return h('div', { class: 'sig-line', dataset: { completionId: completion.id } },
    signatures.length
      ? h('ul', { class: 'sig-list' }, signatures.map((s) => h('li', { class: 'sig', dataset: { meaning: s.meaning },
        text: `✍ ${t('sig.by', { meaning: t(`sig.m.${s.meaning}`), who: s.displayName, time: fmtDateTime(s.signedAt) })}` })))
      : h('p', { class: 'muted', text: t('sig.none') }),
    open.length ? h('button', { class: 'btn', type: 'button', dataset: { action: 'sign' }, text: t('sig.sign'),
      on: { click: async () => { if (await sign(completion, title)) onSigned(); } } }) : null);
}
