// 本地政策: what the assistant applies today (per region the 低保 standard in force and from when, the multiplier,
// what comes next, the offices), and for operators and admins a form to add a region's next standard.
import { get, post } from '../lib/api.js';
import { field, h, replace } from '../lib/dom.js';
import { bcp47, localized, number, t } from '../lib/i18n.js';

const RESIDENCES = ['urban', 'rural'];

/** A calendar day (`2027-01-01`) as the page's language writes it: 2027年1月1日 / 1 January 2027. */
function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(bcp47(), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

const yuan = (amount) => t('localPolicy.yuan', { amount: number(amount, 2) });

/** One standard as a small table: 低保, multiplier and the hardship standard, town and rural side by side. */
function standardTable(standard, captionText) {
  const cell = (residence, row) => {
    const r = standard[residence];
    if (row === 'living') return r.minimumLiving === null ? t('localPolicy.fixed') : yuan(r.minimumLiving);
    if (row === 'multiplier') return r.multiplier === null ? t('page.none') : t('localPolicy.times', { n: number(r.multiplier, 2) });
    return yuan(r.threshold);
  };
  return h(
    'div',
    { class: 'table-wrap policy-table' },
    h(
      'table',
      {},
      h('caption', {}, captionText),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('localPolicy.col.item')), RESIDENCES.map((r) => h('th', { scope: 'col' }, t(`localPolicy.col.${r}`))))),
      h(
        'tbody',
        {},
        ['living', 'multiplier', 'threshold'].map((row) =>
          h('tr', { class: row === 'threshold' ? 'policy-table__total' : null }, h('th', { scope: 'row' }, t(`localPolicy.row.${row}`)), RESIDENCES.map((r) => h('td', {}, cell(r, row)))),
        ),
      ),
    ),
    h('p', { class: 'muted policy-basis' }, t('localPolicy.basis', { citation: localized(standard.citation) })),
  );
}

function officeCard(office, isDefault) {
  return h(
    'li',
    { class: 'policy-office' },
    h('h4', {}, localized(office.name), ' ', h('span', { class: 'badge' }, t(`localPolicy.kind.${office.kind}`)), isDefault ? h('span', { class: 'badge badge--status' }, t('localPolicy.default_office')) : null),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('localPolicy.address')),
      h('dd', {}, localized(office.address)),
      h('dt', {}, t('localPolicy.phone')),
      h('dd', {}, h('a', { href: `tel:${office.phone.replace(/[^0-9+]/g, '')}` }, office.phone)),
      office.hours ? [h('dt', {}, t('localPolicy.hours')), h('dd', {}, localized(office.hours))] : null,
    ),
  );
}

/** The form for a region's next standard; `onSaved` gets the server's new page. */
function addForm(region, page, { announce, onSaved }) {
  const model = region.current ?? region.upcoming[region.upcoming.length - 1] ?? null;
  const formId = `policy-add-${region.id}`;
  const inputs = {
    // Text, not a date picker: the picker speaks the browser's language (mm/dd/yyyy); 2027-01-01, 2027/1/1 and 2027年1月1日 are all understood.
    effectiveFrom: h('input', { type: 'text', name: 'effectiveFrom', inputmode: 'numeric', autocomplete: 'off', placeholder: t('localPolicy.add.date_placeholder'), required: true }),
    urban: h('input', { type: 'text', name: 'urban', inputmode: 'decimal', autocomplete: 'off', required: true }),
    rural: h('input', { type: 'text', name: 'rural', inputmode: 'decimal', autocomplete: 'off', required: true }),
    'citation.zh-CN': h('textarea', { name: 'citationZh', rows: 2, lang: 'zh-CN', required: true }, model ? model.citation['zh-CN'] : ''),
    'citation.en': h('textarea', { name: 'citationEn', rows: 2, lang: 'en', required: true }, model ? model.citation.en : ''),
  };
  for (const input of Object.values(inputs)) input.defaultValue = input.value;
  const errors = new Map(Object.keys(inputs).map((name) => [name, h('p', { class: 'form-error field__error', id: `${formId}-${name.replace('.', '-')}-error` })]));
  const general = h('p', { class: 'form-error', role: 'alert' });

  const amountLabel = (residence) => {
    const fixed = model && model[residence].minimumLiving === null;
    return t(`localPolicy.add.${residence}${fixed ? '_fixed' : ''}`);
  };
  const amountHint = (residence) => {
    if (!model) return null;
    const r = model[residence];
    return r.minimumLiving === null ? t('localPolicy.add.fixed_hint', { amount: number(r.threshold, 2) }) : t('localPolicy.add.amount_hint', { amount: number(r.minimumLiving, 2), n: number(r.multiplier, 2) });
  };
  const withError = (name, node) => {
    const error = errors.get(name);
    inputs[name].setAttribute('aria-errormessage', error.id);
    node.append(error);
    return node;
  };

  function showErrors(fields = {}) {
    let first = null;
    for (const [name, input] of Object.entries(inputs)) {
      const message = fields[name] ?? '';
      errors.get(name).textContent = message;
      if (message) {
        input.setAttribute('aria-invalid', 'true');
        first ??= input;
      } else input.removeAttribute('aria-invalid');
    }
    return first;
  }

  const save = h('button', { type: 'submit', class: 'btn btn--primary', disabled: !page.writable }, t('localPolicy.add.save'));
  /** The day of a registered standard not yet in force that this form corrects, or null (a new standard). */
  let correcting = null;
  const form = h(
    'form',
    {
      id: formId,
      novalidate: true,
      'aria-labelledby': `${formId}-heading`,
      onsubmit: async (event) => {
        event.preventDefault();
        general.textContent = '';
        showErrors();
        save.disabled = true;
        save.textContent = t('localPolicy.add.saving');
        try {
          const saved = await post('/api/policy/standards', {
            region: region.id,
            effectiveFrom: inputs.effectiveFrom.value,
            urban: inputs.urban.value,
            rural: inputs.rural.value,
            citation: { 'zh-CN': inputs['citation.zh-CN'].value, en: inputs['citation.en'].value },
            revision: page.revision,
            ...(correcting ? { replace: true } : {}),
          });
          const message = t(saved.replaced ? 'localPolicy.add.corrected' : 'localPolicy.add.saved', { region: localized(region.name), date: day(saved.added.effectiveFrom), backup: saved.backup });
          announce(message);
          onSaved(saved, message);
        } catch (cause) {
          const first = showErrors(cause.body?.error?.fields);
          const problems = cause.body?.error?.problems;
          replace(general, cause.message, problems?.length ? h('ul', {}, problems.map((p) => h('li', {}, p))) : null);
          (first ?? save).focus();
        } finally {
          save.disabled = !page.writable;
          save.textContent = t(correcting ? 'localPolicy.correct.save' : 'localPolicy.add.save');
        }
      },
    },
    h('p', { class: 'muted' }, t('localPolicy.add.explain')),
    h(
      'div',
      { class: 'policy-add__grid' },
      withError('effectiveFrom', field(t('localPolicy.add.date'), inputs.effectiveFrom, region.current ? t('localPolicy.add.date_hint', { date: day(region.current.effectiveFrom) }) : null)),
      withError('urban', field(amountLabel('urban'), inputs.urban, amountHint('urban'))),
      withError('rural', field(amountLabel('rural'), inputs.rural, amountHint('rural'))),
    ),
    withError('citation.zh-CN', field(t('localPolicy.add.citation_zh'), inputs['citation.zh-CN'], t('localPolicy.add.citation_hint'))),
    withError('citation.en', field(t('localPolicy.add.citation_en'), inputs['citation.en'])),
    general,
    h('div', { class: 'btn-row' }, save),
  );
  // Folded until wanted: a centre with many districts would otherwise scroll past a form per district.
  const summary = h('summary', { id: `${formId}-heading`, class: 'btn' }, t('localPolicy.add.heading'));
  const details = h('details', { class: 'policy-add' }, summary, form);
  /** Opens the form on a registered standard not yet in force, its values filled in, to correct a mistyped amount or basis. */
  details.correct = (standard) => {
    correcting = standard.effectiveFrom;
    inputs.effectiveFrom.value = standard.effectiveFrom;
    inputs.effectiveFrom.readOnly = true;
    for (const residence of RESIDENCES) {
      const r = standard[residence];
      inputs[residence].value = String(r.minimumLiving ?? r.threshold);
    }
    inputs['citation.zh-CN'].value = standard.citation['zh-CN'];
    inputs['citation.en'].value = standard.citation.en;
    summary.textContent = t('localPolicy.correct.heading', { date: day(standard.effectiveFrom) });
    save.textContent = t('localPolicy.correct.save');
    general.textContent = '';
    showErrors();
    details.open = true;
    inputs.urban.focus();
  };
  return details;
}

function regionPanel(region, page, offices, actions) {
  const headingId = `policy-${region.id}`;
  const own = offices.filter((o) => o.region === region.id);
  const form = page.canEdit ? addForm(region, page, actions) : null;
  // A standard not yet in force can still be mended (a mistyped amount would decide every application from its day).
  const correctButton = (s) =>
    form ? h('button', { type: 'button', class: 'btn', disabled: !page.writable, onclick: () => form.correct(s) }, t('localPolicy.correct.button')) : null;
  return h(
    'section',
    { class: 'panel policy-region', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, localized(region.name)),
    region.current
      ? [h('h3', {}, t('localPolicy.current'), ' · ', t('localPolicy.since', { date: day(region.current.effectiveFrom) })), standardTable(region.current, t('localPolicy.current'))]
      : h('p', { class: 'policy-warning' }, t('localPolicy.none_current')),
    h('h3', {}, t('localPolicy.upcoming')),
    region.upcoming.length
      ? region.upcoming.map((s) => [
          h('h4', { class: 'policy-from' }, t('localPolicy.from', { date: day(s.effectiveFrom) })),
          standardTable(s, t('localPolicy.from', { date: day(s.effectiveFrom) })),
          correctButton(s),
        ])
      : h('p', { class: 'muted' }, t('localPolicy.no_upcoming')),
    region.earlier ? h('p', { class: 'muted' }, t('localPolicy.earlier', { count: region.earlier })) : null,
    form,
    h('h3', {}, t('localPolicy.offices')),
    h('ul', { class: 'policy-offices' }, own.map((o) => officeCard(o, o.id === region.office?.id))),
  );
}

export async function render({ announce, isCurrent }) {
  const body = h('div', { id: 'policy-body' });
  // Shown; said once by announce() (a live region here too would read it twice).
  const status = h('p', { class: 'form-info' });

  function draw(page) {
    const o = page.overview;
    replace(
      body,
      page.canEdit ? null : h('p', { class: 'muted' }, t('localPolicy.read_only')),
      page.canEdit && !page.writable ? h('p', { class: 'policy-warning', role: 'note' }, t('localPolicy.add.not_writable', { dir: page.folder })) : null,
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'policy-general' },
        h('h2', { id: 'policy-general' }, t('localPolicy.general')),
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, t('localPolicy.hotline')),
          h('dd', {}, h('a', { href: `tel:${o.hotline}` }, o.hotline)),
          h('dt', {}, t('localPolicy.decision')),
          h('dd', {}, t('localPolicy.decision_days', { days: o.decisionDays })),
          h('dt', {}, t('localPolicy.urgent')),
          h('dd', {}, t(o.urgentSameDay ? 'localPolicy.urgent_same_day' : 'localPolicy.urgent_normal')),
        ),
      ),
      o.regions.map((region) =>
        regionPanel(region, page, o.offices, {
          announce,
          onSaved: (saved, message) => {
            if (!isCurrent()) return;
            draw(saved);
            status.textContent = message;
            status.scrollIntoView({ block: 'nearest' });
          },
        }),
      ),
    );
    meta.textContent = `${t('localPolicy.today', { date: day(o.today) })} · ${t('localPolicy.pack', { name: localized(o.name), version: o.version })}`;
  }

  const meta = h('p', { class: 'muted' });
  const page = await get('/api/policy');
  draw(page);
  const node = h(
    'section',
    { 'aria-labelledby': 'policy-heading' },
    h('div', { class: 'page-head' }, h('h1', { id: 'policy-heading' }, t('localPolicy.heading'))),
    h('p', {}, t('localPolicy.intro')),
    meta,
    status,
    body,
  );
  return { title: t('localPolicy.heading'), node };
}
