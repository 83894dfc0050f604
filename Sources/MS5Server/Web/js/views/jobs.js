// My jobs: the signed-in operator's assignments; accept → start → complete through the outbox.
import { h, replace } from '../dom.js';
import { t, fmtDateTime } from '../i18n.js';
import { api } from '../api.js';
import { on } from '../events.js';
import { live } from '../live.js';
import * as outbox from '../outbox.js';
import { loadPlant, equipmentById } from '../data.js';
import { loading, errorBox, toast } from '../ui.js';

const NEXT = { assigned: 'accepted', accepted: 'started', started: 'completed' };
const STEPS = ['assigned', 'accepted', 'started', 'completed'];

export default {
  async render(root) {
    root.append(h('div', { class: ['page-head', 'head-gap'] }, h('h1', { class: 'page-title', text: t('jobs.title') }),
      h('a', { class: 'btn btn-big', href: '#/checklists', id: 'jobs-checklists', text: `☑ ${t('cl.open')}` })));
    const body = h('div', { id: 'jobs' }, loading());
    root.append(body);
    let items = null; let pending = []; let plant = null;
    live.setTopics([]);

    async function act(a) {
      const next = NEXT[a.status];
      const order = plant?.orders.find((o) => o.id === a.orderId);
      await outbox.enqueue({
        path: `/v1/assignments/${a.id}/status`, body: { status: next },
        label: { key: `action.job.${next}`, params: { order: order?.number || a.orderId.slice(0, 8) } },
        kind: 'job', meta: { assignmentId: a.id.toLowerCase(), status: next },
      });
      toast(t(navigator.onLine ? 'action.queued' : 'action.queuedOffline'));
    }

    function paint() {
      if (!items) return;
      if (!items.length) { replace(body, h('p', { class: 'muted', text: t('jobs.none') })); return; }
      replace(body, h('ul', { class: 'job-list' }, items.map((a) => {
        const order = plant?.orders.find((o) => o.id === a.orderId);
        const product = order && plant.products.find((p) => p.id === order.productId);
        const eq = order && equipmentById(plant, order.equipmentId);
        const pend = pending.filter((p) => p.meta?.assignmentId === a.id.toLowerCase());
        const next = NEXT[a.status];
        const blocked = pend.some((p) => p.status !== 'rejected');
        return h('li', { class: ['job', `job-${a.status}`], dataset: { assignmentId: a.id, status: a.status } },
          h('div', { class: 'job-main' },
            h('h2', { class: 'job-title', text: order ? t('jobs.order', { number: order.number }) : a.orderId }),
            h('p', {}, [product?.name, eq?.name].filter(Boolean).join(' · ')),
            h('ol', { class: 'steps', 'aria-label': t('jobs.progress') }, STEPS.map((s) => h('li', {
              class: ['step', STEPS.indexOf(s) <= STEPS.indexOf(a.status) ? 'done' : ''], 'aria-current': s === a.status ? 'step' : false, text: t(`jobs.status.${s}`) }))),
            h('p', { class: 'muted', text: t('jobs.assignedBy', { who: a.assignedBy, time: fmtDateTime(a.assignedAt) }) }),
            pend.map((p) => h('span', { class: ['pending-tag', p.status === 'rejected' ? 'rejected' : ''], text: p.status === 'rejected' ? t('line.rejectedTag') : t('line.pendingTag', { what: t(p.label.key, p.label.params) }) }))),
          next ? h('button', { class: 'btn btn-primary btn-big', type: 'button', disabled: blocked, dataset: { action: next }, text: t(`jobs.do.${next}`), on: { click: () => act(a) } }) : h('span', { class: 'done-label', text: t('jobs.done') }));
      })));
    }

    async function load() {
      try {
        plant = await loadPlant();
        items = (await api('/v1/me/assignments')).items;
      } catch (e) { if (!items) { replace(body, errorBox(e, load)); return; } }
      pending = await outbox.open();
      paint();
    }
    const offs = [
      on('outbox', async () => { pending = await outbox.open(); paint(); }),
      on('outbox-sent', (item) => { if (item.kind === 'job') load(); }),
    ];
    const poll = setInterval(load, 30000);
    await load();
    return () => { clearInterval(poll); offs.forEach((f) => f()); };
  },
};
