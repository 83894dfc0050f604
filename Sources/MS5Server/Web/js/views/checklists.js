// Checklists of a line: per equipment the checklists that apply, each with its last completion, its signatures and Start.
import { h, replace } from '../dom.js';
import { t, fmtDateTime } from '../i18n.js';
import { api, qs } from '../api.js';
import { on } from '../events.js';
import { live } from '../live.js';
import * as outbox from '../outbox.js';
import { getSettings } from '../settings.js';
import { loadPlant, lineEquipment, lineById } from '../data.js';
import { loading, errorBox, section } from '../ui.js';
import { signatureLine } from './signatures.js';

const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

/** A passed / failed chip: text and symbol, not colour alone. */
export function resultChip(passed) {
  return h('span', { class: ['cl-result', passed ? 'cl-result-pass' : 'cl-result-fail'], dataset: { passed: String(passed) },
    text: `${passed ? '✓' : '✗'} ${t(passed ? 'cl.passed' : 'cl.failed')}` });
}

export default {
  async render(root, params) {
    const body = h('div', { id: 'checklists' }, loading());
    root.append(body);
    live.setTopics([]);
    let plant;
    try { plant = await loadPlant(); } catch (e) { replace(body, errorBox(e, () => location.reload())); return undefined; }
    const line = lineById(plant, params[0] || getSettings().lineId || plant.lines[0]?.id) || plant.lines[0];
    if (!line) { replace(body, h('p', { text: t('line.none') })); return undefined; }
    const focusEq = params[1];
    const equipment = lineEquipment(plant, line.id).sort((a, b) => (a.code > b.code ? 1 : -1));
    let data = null; let pending = []; let scrolled = false;

    root.prepend(h('div', { class: ['page-head', 'head-gap'] },
      h('h1', { class: 'page-title', text: t('cl.titleLine', { line: line.name }) }),
      h('nav', { class: 'line-switch', 'aria-label': t('line.switch') },
        plant.lines.map((l) => h('a', { href: `#/checklists/${l.id}`, class: 'chip-link', 'aria-current': l.id === line.id ? 'page' : false, text: l.code })))));

    function paint() {
      if (!data) return;
      if (!equipment.length) { replace(body, h('p', { class: 'muted', text: t('cl.noEquipment') })); return; }
      replace(body, data.map(({ e, templates, completions, signatures }) => {
        const sec = section(e.name, templates.length
          ? h('ul', { class: 'cl-list' }, templates.map((tpl) => {
            const last = completions.find((c) => same(c.templateId, tpl.id));
            const waiting = pending.filter((p) => same(p.meta?.templateId, tpl.id) && same(p.meta?.equipmentId, e.id));
            return h('li', { class: 'cl-item', dataset: { templateId: tpl.id, equipmentId: e.id } },
              h('div', { class: 'cl-item-main' },
                h('h3', { class: 'cl-name' }, tpl.name, h('span', { class: 'tag', text: tpl.code })),
                h('p', { class: 'cl-last' }, last
                  ? [resultChip(last.passed), ' ', t('cl.lastBy', { who: last.completedBy, time: fmtDateTime(last.completedAt) })]
                  : h('span', { class: 'muted', text: t('cl.never') })),
                last ? signatureLine(last, signatures.get(last.id) || [], `${tpl.name} · ${e.name}`, load) : null,
                h('p', { class: 'muted', text: t('cl.itemCount', { n: tpl.items.length }) }),
                waiting.map((p) => h('span', { class: ['pending-tag', p.status === 'rejected' ? 'rejected' : ''], text: p.status === 'rejected' ? t('line.rejectedTag') : t('cl.pendingTag') }))),
              h('a', { class: 'btn btn-primary btn-big', href: `#/checklist/${tpl.id}/${e.id}`, dataset: { action: 'start' }, text: t('cl.start') }));
          }))
          : h('p', { class: 'muted', text: t('cl.none') }));
        sec.dataset.equipmentId = e.id;
        sec.classList.add('cl-equipment');
        return sec;
      }));
      if (focusEq && !scrolled) {
        scrolled = true;
        body.querySelector(`[data-equipment-id="${CSS.escape(focusEq)}"]`)?.scrollIntoView({ block: 'start' });
      }
    }

    async function load() {
      try {
        data = await Promise.all(equipment.map(async (e) => {
          const [tpl, done] = await Promise.all([
            api(`/v1/checklist-templates${qs({ equipmentId: e.id })}`),
            api(`/v1/checklist-completions${qs({ equipmentId: e.id })}`).catch(() => ({ items: [] })),
          ]);
          const lasts = tpl.items.map((x) => done.items.find((c) => same(c.templateId, x.id))).filter(Boolean);
          const signed = await Promise.all(lasts.map((c) => api(`/v1/checklist-completions/${c.id}/signatures`)
            .then((r) => [c.id, r.items]).catch(() => [c.id, []])));
          return { e, templates: tpl.items, completions: done.items, signatures: new Map(signed) };
        }));
      } catch (err) { if (!data) { replace(body, errorBox(err, load)); return; } }
      pending = (await outbox.open()).filter((p) => p.kind === 'checklist');
      paint();
    }
    const offs = [
      on('outbox', async () => { pending = (await outbox.open()).filter((p) => p.kind === 'checklist'); paint(); }),
      on('outbox-sent', (item) => { if (item.kind === 'checklist') load(); }),
    ];
    const poll = setInterval(load, 60000);
    await load();
    return () => { clearInterval(poll); offs.forEach((f) => f()); };
  },
};
