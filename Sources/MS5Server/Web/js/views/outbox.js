// The outbox: what waits to be sent, what was sent, what the server refused (with retry / discard).
import { h, replace } from '../dom.js';
import { t, fmtTime } from '../i18n.js';
import { on } from '../events.js';
import { live } from '../live.js';
import * as outbox from '../outbox.js';
import { section } from '../ui.js';

export default {
  async render(root) {
    root.append(h('h1', { class: 'page-title', text: t('outbox.title') }));
    const body = h('div', { id: 'outbox-list' });
    root.append(h('p', { class: 'subtitle', text: t('outbox.help') }), body);
    live.setTopics([]);

    async function paint() {
      const items = (await outbox.all()).sort((a, b) => b.seq - a.seq);
      const open = items.filter((i) => i.status !== 'sent');
      const sent = items.filter((i) => i.status === 'sent');
      const row = (i) => h('li', { class: ['ob-item', `ob-${i.status}`], dataset: { status: i.status, key: i.key } },
        h('div', { class: 'ob-main' },
          h('strong', { class: 'ob-label', text: t(i.label.key, i.label.params) }),
          h('span', { class: ['ob-status', `ob-status-${i.status}`], text: t(`outbox.status.${i.status}`) })),
        h('p', { class: 'muted' }, t('outbox.queuedAt', { time: fmtTime(i.createdAt) }),
          i.sentAt ? ` · ${t('outbox.sentAt', { time: fmtTime(i.sentAt) })}` : '',
          i.attempts ? ` · ${t('outbox.attempts', { n: i.attempts })}` : ''),
        i.status === 'pending' && i.lastError ? h('p', { class: 'muted', text: t('outbox.willRetry', { error: i.lastError, time: fmtTime(new Date(i.nextAttemptAt).toISOString()) }) }) : null,
        i.status === 'rejected' ? h('div', { class: 'ob-problem', role: 'group', 'aria-label': t('outbox.refused') },
          h('p', {}, h('strong', { text: `${i.problem?.status || ''} ${i.problem?.title || ''}` }), ' ', h('span', { class: 'ob-detail', text: i.problem?.detail || '' })),
          (i.problem?.errors || []).length ? h('ul', {}, i.problem.errors.map((e) => h('li', { text: `${e.field}: ${e.reason}` }))) : null,
          h('p', { text: t('outbox.whatToDo') }),
          h('div', { class: 'actions' },
            h('button', { class: 'btn btn-primary', type: 'button', dataset: { action: 'retry' }, text: t('outbox.retry'), on: { click: () => outbox.retry(i.seq) } }),
            h('button', { class: 'btn btn-danger', type: 'button', dataset: { action: 'discard' }, text: t('outbox.discard'), on: { click: () => outbox.discard(i.seq) } }))) : null);
      replace(body,
        section(t('outbox.open', { n: open.length }), open.length ? h('ul', { class: 'ob-list', id: 'outbox-open' }, open.map(row)) : h('p', { class: 'muted', text: t('outbox.nothingOpen') })),
        section(t('outbox.sent', { n: sent.length }), sent.length ? h('ul', { class: 'ob-list', id: 'outbox-sent' }, sent.map(row)) : h('p', { class: 'muted', text: t('outbox.nothingSent') }),
          sent.length ? h('button', { class: 'btn', type: 'button', text: t('outbox.clearSent'), on: { click: () => outbox.clearSent() } }) : null));
    }
    const off = on('outbox', paint);
    await paint();
    return off;
  },
};
