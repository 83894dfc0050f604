// Toasts, dialogs and other shared widgets.
import { h, replace, nextId } from './dom.js';
import { t } from './i18n.js';

export function toast(message, kind = 'info') {
  const box = document.getElementById('toasts');
  const el = h('div', { class: ['toast', `toast-${kind}`] }, message);
  box.append(el);
  while (box.children.length > 2) box.firstElementChild.remove();
  setTimeout(() => el.remove(), kind === 'error' ? 9000 : 5000);
  if (kind === 'error') {
    const alerts = document.getElementById('alerts');
    alerts.textContent = message;
  }
}

/**
 * A modal <dialog>: build(body, close) fills it; resolves with what close() was given.
 * Native dialogs trap focus and close on Escape.
 */
export function dialog(title, build) {
  return new Promise((resolve) => {
    const titleId = nextId('dlg');
    const body = h('div', { class: 'dialog-body' });
    const closeBtn = h('button', { class: 'btn btn-ghost', type: 'button', text: t('common.close') });
    const dlg = h('dialog', { class: 'dialog', 'aria-labelledby': titleId },
      h('div', { class: 'dialog-head' }, h('h2', { id: titleId, text: title }), closeBtn), body);
    let result;
    const close = (value) => { result = value; dlg.close(); };
    closeBtn.addEventListener('click', () => close(undefined));
    dlg.addEventListener('close', () => { dlg.remove(); resolve(result); });
    document.body.append(dlg);
    build(body, close);
    dlg.showModal();
  });
}

export function confirmDialog(title, message, okLabel) {
  return dialog(title, (body, close) => {
    replace(body,
      h('p', { text: message }),
      h('div', { class: 'actions' },
        h('button', { class: 'btn', type: 'button', text: t('common.cancel'), on: { click: () => close(false) } }),
        h('button', { class: 'btn btn-primary', type: 'button', text: okLabel, on: { click: () => close(true) } })));
  });
}

export function stateChip(state) {
  const st = state || 'unknown';
  return h('span', { class: ['state-chip', `st-${st}`], dataset: { state: st } }, t(`state.${st}`));
}

export function loading() {
  return h('p', { class: 'loading', role: 'status', text: t('common.loading') });
}

export function errorBox(err, retry) {
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { text: err?.isNetwork ? t('error.offlineNoData') : t('error.load', { detail: err?.message || String(err) }) }),
    retry ? h('button', { class: 'btn', type: 'button', text: t('common.retry'), on: { click: retry } }) : null);
}

export function section(title, ...children) {
  const id = nextId('sec');
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id, class: 'panel-title', text: title }), ...children);
}

/** A label/value pair list. */
export function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.map(([k, v, attrs]) => h('div', { class: 'kv-item' }, h('dt', { text: k }), h('dd', attrs || {}, v))));
}
