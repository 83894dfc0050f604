// Filling in one checklist for one equipment: a big row per item (Pass / Fail toggles or a value
// checked against its limits before sending, an optional note), submitted through the outbox.
import { h, replace, nextId } from '../dom.js';
import { t, fmtDecimal } from '../i18n.js';
import { api, qs } from '../api.js';
import { on } from '../events.js';
import { live } from '../live.js';
import * as outbox from '../outbox.js';
import { loadPlant, equipmentById } from '../data.js';
import { loading, errorBox } from '../ui.js';
import { resultChip } from './checklists.js';

const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();

function limitsText(item) {
  const p = { min: fmtDecimal(item.minimum), max: fmtDecimal(item.maximum), unit: item.unit || '' };
  const has = (v) => v !== null && v !== undefined;
  const key = has(item.minimum) && has(item.maximum) ? 'cl.limits' : has(item.minimum) ? 'cl.atLeast' : has(item.maximum) ? 'cl.atMost' : null;
  return key ? t(key, p).trim() : '';
}

/** '' → null (unanswered); '7,5' and '7.5' → 7.5; anything else → NaN. */
function parseValue(text) {
  const s = text.trim().replace(',', '.');
  if (!s) return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

function inLimits(item, v) {
  return !((item.minimum !== null && item.minimum !== undefined && v < item.minimum)
    || (item.maximum !== null && item.maximum !== undefined && v > item.maximum));
}

export default {
  async render(root, params) {
    const [templateId, equipmentId] = params;
    const body = h('div', { id: 'checklist' }, loading());
    root.append(body);
    live.setTopics([]);
    let plant; let tpl;
    const eqOf = () => equipmentById(plant, equipmentId);
    try {
      plant = await loadPlant();
      const eq = eqOf();
      if (eq) tpl = (await api(`/v1/checklist-templates${qs({ equipmentId: eq.id })}`)).items.find((x) => same(x.id, templateId));
    } catch (e) { replace(body, errorBox(e, () => location.reload())); return undefined; }
    const eq = eqOf();
    if (!eq || !tpl) { replace(body, h('p', { text: t('cl.notFound') }), h('a', { class: 'btn', href: '#/checklists', text: t('cl.back') })); return undefined; }
    const backHref = `#/checklists/${eq.lineId}/${eq.id}`;

    // answers[key] = { passed?: bool, value?: number|null|NaN, note: string }
    const answers = new Map(tpl.items.map((it) => [it.key, { note: '' }]));
    const rows = new Map();
    const answered = (it) => {
      const a = answers.get(it.key);
      return it.kind === 'passFail' ? typeof a.passed === 'boolean' : typeof a.value === 'number' && Number.isFinite(a.value);
    };
    const failing = (it) => {
      const a = answers.get(it.key);
      return it.kind === 'passFail' ? a.passed === false : answered(it) && !inLimits(it, a.value);
    };

    const progress = h('p', { class: 'cl-progress', id: 'cl-progress', 'aria-live': 'polite' });
    const submit = h('button', { class: 'btn btn-primary btn-big', type: 'submit', id: 'cl-submit', disabled: true, 'aria-describedby': 'cl-progress', text: t('cl.submit') });
    const result = h('div', { id: 'checklist-result', class: 'cl-outcome', role: 'status', 'aria-live': 'polite', hidden: true });
    const fieldset = h('fieldset', { class: 'cl-fieldset' },
      h('legend', { class: 'visually-hidden', text: tpl.name }),
      h('ol', { class: 'cl-rows' }, tpl.items.map((it, i) => row(it, i))));
    const bar = h('div', { class: 'cl-submit-bar' }, progress, submit);
    const form = h('form', { id: 'checklist-form', novalidate: true, on: { submit: send } }, fieldset, bar);

    function row(it, i) {
      const a = answers.get(it.key);
      const textId = nextId('cl-text'); const noteId = nextId('cl-note'); const statusId = nextId('cl-status');
      const noteLabel = h('label', { for: noteId, class: 'cl-note-label', text: t('cl.note') });
      const note = h('input', { type: 'text', id: noteId, class: 'cl-note-input', maxlength: 500, autocomplete: 'off', dataset: { note: it.key },
        on: { input: (e) => { a.note = e.target.value; } } });
      const status = h('p', { class: 'cl-status', id: statusId });
      let control;
      if (it.kind === 'passFail') {
        const pass = h('button', { type: 'button', class: 'btn toggle toggle-pass', 'aria-pressed': 'false', dataset: { answer: 'pass' }, text: `✓ ${t('cl.pass')}` });
        const fail = h('button', { type: 'button', class: 'btn toggle toggle-fail', 'aria-pressed': 'false', dataset: { answer: 'fail' }, text: `✗ ${t('cl.fail')}` });
        const set = (v) => {
          a.passed = a.passed === v ? undefined : v;   // tapping the pressed one again clears it
          pass.setAttribute('aria-pressed', String(a.passed === true));
          fail.setAttribute('aria-pressed', String(a.passed === false));
          update();
        };
        pass.addEventListener('click', () => set(true));
        fail.addEventListener('click', () => set(false));
        control = h('div', { class: 'toggle-pair', role: 'group', 'aria-labelledby': textId }, pass, fail);
      } else {
        const lim = limitsText(it);
        const limId = nextId('cl-lim');
        const input = h('input', { type: 'text', inputmode: 'decimal', id: nextId('cl-val'), class: 'cl-value', autocomplete: 'off', enterkeyhint: 'next',
          'aria-labelledby': textId, 'aria-describedby': `${limId} ${statusId}`, dataset: { value: it.key },
          on: { input: (e) => { a.value = parseValue(e.target.value); update(); } } });
        control = h('div', { class: 'cl-value-box' },
          h('div', { class: 'cl-value-wrap' }, input, it.unit ? h('span', { class: 'cl-unit', text: it.unit }) : null),
          h('p', { class: 'cl-limits muted', id: limId, text: lim || t('cl.noLimits') }));
      }
      const li = h('li', { class: 'cl-row', dataset: { key: it.key, kind: it.kind, state: 'open' } },
        h('div', { class: 'cl-row-text' },
          h('span', { class: 'cl-num', 'aria-hidden': 'true', text: `${i + 1}` }),
          h('span', { class: 'cl-text', id: textId, text: it.text })),
        h('div', { class: 'cl-row-control' }, control, status),
        h('div', { class: 'cl-row-note' }, noteLabel, note));
      rows.set(it.key, { li, status, noteLabel, note });
      return li;
    }

    function update() {
      for (const it of tpl.items) {
        const r = rows.get(it.key); const a = answers.get(it.key);
        const bad = failing(it);
        const invalid = it.kind === 'value' && Number.isNaN(a.value);
        r.li.dataset.state = invalid ? 'invalid' : bad ? 'fail' : answered(it) ? 'pass' : 'open';
        r.li.classList.toggle('is-fail', bad || invalid);
        r.li.classList.toggle('is-pass', answered(it) && !bad);
        r.li.querySelector('.cl-value')?.setAttribute('aria-invalid', String(bad || invalid));
        r.status.className = ['cl-status', bad || invalid ? 'bad' : answered(it) && it.kind === 'value' ? 'good' : ''].filter(Boolean).join(' ');
        r.status.textContent = invalid ? `⚠ ${t('cl.notNumber')}`
          : it.kind === 'value' && bad ? `⚠ ${t('cl.outOfLimits')}` : it.kind === 'value' && answered(it) ? `✓ ${t('cl.inLimits')}` : '';
        r.noteLabel.textContent = bad ? t('cl.noteFailed') : t('cl.note');
        r.li.querySelector('.cl-row-note').classList.toggle('note-wanted', bad);
      }
      const n = tpl.items.filter(answered).length;
      progress.textContent = t('cl.progress', { n, total: tpl.items.length });
      submit.disabled = n !== tpl.items.length || fieldset.disabled;
    }

    let sentKey = null;
    async function send(e) {
      e.preventDefault();
      if (submit.disabled) return;
      const body = {
        templateId: tpl.id, equipmentId: eq.id,
        answers: tpl.items.map((it) => {
          const a = answers.get(it.key); const note = a.note.trim();
          return { key: it.key, ...(it.kind === 'passFail' ? { passed: a.passed } : { value: a.value }), ...(note ? { note } : {}) };
        }),
      };
      fieldset.disabled = true; submit.disabled = true; bar.hidden = true;
      const item = await outbox.enqueue({
        path: '/v1/checklist-completions', body,
        label: { key: 'action.checklist', params: { name: tpl.name, equipment: eq.name } },
        kind: 'checklist', meta: { templateId: tpl.id.toLowerCase(), equipmentId: eq.id.toLowerCase() },
      });
      sentKey = item.key;
      showResult({ state: 'waiting' });   // the result box says what happens (no toast over the form)
    }

    function showResult({ state, completion, problem }) {
      result.hidden = false;
      result.dataset.state = state;
      const back = h('a', { class: 'btn', href: backHref, text: t('cl.backTo') });
      if (state === 'waiting') {
        replace(result, h('p', { class: 'cl-outcome-text', text: t(navigator.onLine ? 'cl.sending' : 'cl.savedOffline') }), back);
      } else if (state === 'rejected') {
        fieldset.disabled = false; bar.hidden = false; update();
        replace(result, h('p', { class: 'cl-outcome-text bad', text: t('cl.refused', { detail: problem?.detail || problem?.title || '' }) }),
          (problem?.errors || []).length ? h('ul', {}, problem.errors.map((er) => h('li', { text: `${er.field}: ${er.reason}` }))) : null,
          h('div', { class: 'actions' }, h('a', { class: 'btn', href: '#/outbox', text: t('cl.toOutbox') }), back));
      } else if (!completion) {
        replace(result, h('p', { class: 'cl-outcome-text', text: t('cl.sent') }), back);
      } else {
        const failed = completion.answers.filter((x) => !x.passed).map((x) => x.answer.key);
        result.dataset.passed = String(completion.passed);
        for (const [key, r] of rows) r.li.dataset.result = failed.includes(key) ? 'fail' : 'pass';
        const text = (key) => tpl.items.find((it) => it.key === key)?.text || key;
        replace(result,
          h('p', { class: 'cl-outcome-head' }, resultChip(completion.passed), ' ',
            completion.passed ? t('cl.allPassed', { n: completion.answers.length }) : t('cl.someFailed', { n: failed.length, total: completion.answers.length })),
          failed.length ? h('ul', { class: 'cl-failed-list', id: 'cl-failed' }, failed.map((k) => h('li', { dataset: { key: k }, text: `✗ ${text(k)}` }))) : null,
          h('div', { class: 'actions' }, h('a', { class: 'btn btn-primary btn-big', href: backHref, text: t('cl.backTo') })));
      }
      result.scrollIntoView({ block: 'nearest' });
    }

    replace(body,
      h('div', { class: 'page-head' },
        h('div', {}, h('h1', { class: 'page-title', text: tpl.name }), h('p', { class: 'subtitle', text: `${eq.name} · ${tpl.code}` })),
        h('a', { class: 'btn', href: backHref, text: `‹ ${t('cl.back')}` })),
      result, form);
    update();

    const offs = [
      on('outbox-sent', (item) => { if (item.key === sentKey) showResult({ state: 'done', completion: item.response }); }),
      on('outbox-rejected', (item) => { if (item.key === sentKey) showResult({ state: 'rejected', problem: item.problem }); }),
    ];
    return () => offs.forEach((f) => f());
  },
};
