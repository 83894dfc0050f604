// Andon: raise a call in two taps (category, then priority), board of open calls with elapsed time
// and level, acknowledge and resolve. Actions go through the outbox.
import { h, replace } from '../dom.js';
import { t, fmtDuration, fmtTime } from '../i18n.js';
import { api } from '../api.js';
import { live } from '../live.js';
import { on } from '../events.js';
import * as outbox from '../outbox.js';
import { getSettings } from '../settings.js';
import { loadPlant, lineById, equipmentById } from '../data.js';
import { loading, errorBox, section, dialog, toast } from '../ui.js';

const CATEGORIES = ['safety', 'quality', 'maintenance', 'material', 'help'];
const PRIORITIES = ['critical', 'high', 'medium', 'low'];
const ICONS = { safety: '⚠', quality: '✔', maintenance: '⚙', material: '▦', help: '?' };

export default {
  async render(root) {
    root.append(h('h1', { class: 'page-title', text: t('andon.title') }));
    const body = h('div', {}, loading());
    root.append(body);
    let plant;
    try { plant = await loadPlant(); } catch (e) { replace(body, errorBox(e, () => location.reload())); return undefined; }
    const offs = [];
    let board = null; let loadedAt = Date.now(); let pending = [];

    const lineSelect = h('select', { id: 'andon-line' }, plant.lines.map((l) => h('option', { value: l.id, text: l.name })));
    lineSelect.value = getSettings().lineId && lineById(plant, getSettings().lineId) ? lineById(plant, getSettings().lineId).id : plant.lines[0]?.id;
    const eqSelect = h('select', { id: 'andon-equipment' });
    function fillEquipment() {
      replace(eqSelect, h('option', { value: '', text: t('andon.wholeLine') }),
        plant.equipment.filter((e) => e.lineId === lineSelect.value).map((e) => h('option', { value: e.id, text: e.name })));
    }
    lineSelect.addEventListener('change', fillEquipment); fillEquipment();

    const raiseBox = h('div', {},
      h('div', { class: 'form-row' },
        h('div', { class: 'field' }, h('label', { for: 'andon-line', text: t('andon.line') }), lineSelect),
        h('div', { class: 'field' }, h('label', { for: 'andon-equipment', text: t('andon.equipment') }), eqSelect)),
      h('p', { class: 'muted', text: t('andon.raiseHelp') }),
      h('div', { class: 'andon-cats', id: 'andon-categories' }, CATEGORIES.map((c) =>
        h('button', { class: ['btn', 'andon-cat', `cat-${c}`], type: 'button', dataset: { category: c }, on: { click: () => raise(c) } },
          h('span', { class: 'cat-icon', 'aria-hidden': 'true', text: ICONS[c] }), h('span', { text: t(`andon.cat.${c}`) })))));
    const boardBox = h('div', { id: 'andon-board' }, loading());
    replace(body, section(t('andon.raise'), raiseBox), section(t('andon.board'), boardBox));

    async function raise(category) {
      const choice = await dialog(t('andon.raiseTitle', { category: t(`andon.cat.${category}`) }), (box, close) => {
        const text = h('input', { id: 'andon-text', maxlength: 500, autocomplete: 'off' });
        replace(box,
          h('p', { text: t('andon.pickPriority') }),
          h('div', { class: 'choice-grid', id: 'andon-priorities' }, PRIORITIES.map((p) =>
            h('button', { class: ['btn', 'choice', `prio-btn-${p}`], type: 'button', dataset: { priority: p }, on: { click: () => close({ priority: p, text: text.value.trim() }) } },
              h('span', { class: 'choice-title', text: t(`andon.prio.${p}`) })))),
          h('label', { for: 'andon-text', text: t('andon.textOptional') }), text);
        box.querySelector('button')?.focus();
      });
      if (!choice) return;
      const line = lineById(plant, lineSelect.value);
      const eq = eqSelect.value || null;
      await outbox.enqueue({
        path: '/v1/andon/calls',
        body: { lineId: line.id, equipmentId: eq, category, priority: choice.priority, text: choice.text },
        label: { key: 'action.raiseAndon', params: { category: t(`andon.cat.${category}`), priority: t(`andon.prio.${choice.priority}`), line: line.name } },
        kind: 'andon-raise', meta: { lineId: line.id },
      });
      toast(t(navigator.onLine ? 'action.queued' : 'action.queuedOffline'));
    }

    async function act(call, status) {
      let note = null;
      if (status === 'resolved') {
        note = await dialog(t('andon.resolveTitle'), (box, close) => {
          const input = h('textarea', { id: 'andon-note', rows: 3, maxlength: 1000 });
          const err = h('p', { class: 'form-error', role: 'alert' });
          replace(box,
            h('p', { text: t('andon.resolveHelp') }),
            h('div', { class: 'choice-grid' }, ['andon.note.fixed', 'andon.note.noLonger', 'andon.note.handedOver'].map((k) =>
              h('button', { class: 'btn choice', type: 'button', on: { click: () => close(t(k)) } }, h('span', { class: 'choice-title', text: t(k) })))),
            h('label', { for: 'andon-note', text: t('andon.note') }), input, err,
            h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', type: 'button', id: 'andon-resolve-confirm', text: t('andon.resolve'),
              on: { click: () => { if (!input.value.trim()) { err.textContent = t('andon.noteNeeded'); input.focus(); return; } close(input.value.trim()); } } })));
        });
        if (!note) return;
      }
      await outbox.enqueue({
        path: `/v1/andon/calls/${call.id}/status`,
        body: note ? { status, note } : { status },
        label: { key: status === 'acknowledged' ? 'action.ackAndon' : 'action.resolveAndon', params: { category: t(`andon.cat.${call.category}`) } },
        kind: 'andon-status', meta: { callId: call.id.toLowerCase() },
      });
      toast(t(navigator.onLine ? 'action.queued' : 'action.queuedOffline'));
    }

    function paint() {
      if (!board) return;
      const pendRaises = pending.filter((p) => p.kind === 'andon-raise');
      const lines = board.lines.filter((l) => l.calls.length);
      const elapsed = (e) => e + (Date.now() - loadedAt) / 1000;
      replace(boardBox,
        pendRaises.length ? h('ul', { class: 'call-list' }, pendRaises.map((p) => h('li', { class: ['call', 'call-pending', `prio-${p.body.priority}`] },
          h('div', { class: 'call-main' }, h('strong', { text: t(p.label.key, p.label.params) })),
          h('span', { class: ['pending-tag', p.status === 'rejected' ? 'rejected' : ''], text: p.status === 'rejected' ? t('line.rejectedTag') : t('andon.notSent') })))) : null,
        lines.length ? lines.map((l) => h('div', { class: 'board-line' },
          h('h3', { text: lineById(plant, l.lineId)?.name || l.lineCode }),
          h('ul', { class: 'call-list' }, l.calls.map(({ call, elapsedSeconds, heldBy }) => {
            const pend = pending.filter((p) => p.meta?.callId === call.id.toLowerCase());
            const eq = call.equipmentId ? equipmentById(plant, call.equipmentId) : null;
            return h('li', { class: ['call', `prio-${call.priority}`, `status-${call.status}`], dataset: { callId: call.id, status: call.status } },
              h('div', { class: 'call-main' },
                h('strong', { class: 'call-cat', text: `${ICONS[call.category] || ''} ${t(`andon.cat.${call.category}`)}` }),
                h('span', { class: ['prio-chip', `prio-${call.priority}`], text: t(`andon.prio.${call.priority}`) }),
                h('span', { class: 'call-status', text: t(`andon.status.${call.status}`) }),
                h('span', { class: 'call-level', text: t('andon.level', { n: call.level }) }),
                h('span', { class: 'call-elapsed', dataset: { elapsed: String(elapsedSeconds) }, text: fmtDuration(elapsed(elapsedSeconds)) })),
              h('p', { class: 'call-text' }, eq ? `${eq.name} · ` : '', call.text || t('andon.noText'), ' ',
                h('span', { class: 'muted', text: t('andon.raisedBy', { who: call.raisedBy, time: fmtTime(call.raisedAt) }) }),
                heldBy.length ? h('span', { class: 'muted', text: ` · ${t('andon.heldBy', { who: heldBy.join(', ') })}` }) : null),
              pend.map((p) => h('span', { class: ['pending-tag', p.status === 'rejected' ? 'rejected' : ''], text: p.status === 'rejected' ? t('line.rejectedTag') : t('line.pendingTag', { what: t(p.label.key, p.label.params) }) })),
              h('div', { class: 'call-actions' },
                call.status === 'open' ? h('button', { class: 'btn btn-primary', type: 'button', dataset: { action: 'acknowledge' }, text: t('andon.acknowledge'), on: { click: () => act(call, 'acknowledged') } }) : null,
                h('button', { class: 'btn', type: 'button', dataset: { action: 'resolve' }, text: t('andon.resolve'), on: { click: () => act(call, 'resolved') } })));
          }))))
          : h('p', { class: 'muted empty-board', text: t('andon.empty') }));
    }

    async function load() {
      try { board = await api('/v1/andon/board'); loadedAt = Date.now(); } catch (e) { if (!board) { replace(boardBox, errorBox(e, load)); return; } }
      pending = await outbox.open();
      paint();
    }
    function tick() {
      boardBox.querySelectorAll('.call-elapsed').forEach((el) => { el.textContent = fmtDuration(Number(el.dataset.elapsed) + (Date.now() - loadedAt) / 1000); });
    }

    live.setTopics([]);
    offs.push(live.onEvent((m) => { if (m.event === 'andon') load(); }));
    offs.push(live.onResync(load));
    offs.push(on('outbox', async () => { pending = await outbox.open(); paint(); }));
    offs.push(on('outbox-sent', (item) => { if (item.kind?.startsWith('andon')) load(); }));
    const timer = setInterval(tick, 1000);
    const poll = setInterval(load, 30000);
    await load();
    return () => { clearInterval(timer); clearInterval(poll); offs.forEach((f) => f()); };
  },
};
