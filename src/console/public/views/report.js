// The monthly report (统计报表): a month and an office; figures, charts (Chart.js) and a CSV export.
import { get, query } from '../lib/api.js';
import { barChart, loadChartJs } from '../lib/charts.js';
import { field, h, replace, select } from '../lib/dom.js';
import { dateTime, locale, localized, number, t, timeZone } from '../lib/i18n.js';

const SECTIONS = ['byCategory', 'byGroup', 'byOutcome', 'byResolution', 'byChannel'];

function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone(), year: 'numeric', month: '2-digit' }).formatToParts(Date.now());
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`;
}

/** `YYYY-MM` of this month and the `count - 1` before it, newest first. */
function recentMonths(count) {
  const [year, month] = thisMonth().split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function monthName(yyyyMm) {
  const [year, month] = yyyyMm.split('-').map(Number);
  return new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

const chosen = { month: '', office: '' };

/** A chart's height grows with its bars, so one bar is not a slab and twenty are not squeezed. */
function sized(box, bars) {
  box.style.height = `${Math.max(7, bars * 2.25 + 3)}rem`;
  return box;
}

export async function render({ account, announce, isCurrent }) {
  chosen.month ||= thisMonth();
  if (account.office && account.role !== 'admin') chosen.office = account.office;
  const me = await get('/api/me').catch(() => ({ offices: [] }));
  const offices = me.offices ?? [];
  const out = h('div', { id: 'report-body' });
  let charts = [];

  // A list of months named in the page's language (a month input would speak the browser's language).
  const month = select(recentMonths(24).map((m) => [m, monthName(m)]), chosen.month, { name: 'month' });
  const office = select([['', t('report.all_offices')], ...offices.map((o) => [o.id, localized(o.label, o.id)])], chosen.office, {
    name: 'office',
    disabled: Boolean(account.office && account.role !== 'admin'),
  });
  const csv = h('a', { class: 'btn', download: '' }, t('report.csv'));
  const error = h('p', { class: 'form-error', role: 'alert' });

  function destroyCharts() {
    for (const chart of charts) chart.destroy();
    charts = [];
  }

  function figure(labelText, value) {
    return h('div', { class: 'figure' }, h('span', { class: 'figure__value' }, value), h('span', { class: 'figure__label' }, labelText));
  }

  async function load() {
    error.textContent = '';
    const params = { month: chosen.month, office: chosen.office };
    csv.href = `/api/reports/monthly.csv${query(params)}`;
    csv.setAttribute('download', `fayuan-${chosen.month}${chosen.office ? `-${chosen.office}` : ''}.csv`);
    let report;
    try {
      report = await get(`/api/reports/monthly${query(params)}`);
    } catch (cause) {
      error.textContent = cause.message;
      return;
    }
    if (!isCurrent()) return;
    destroyCharts();
    const s = report.satisfaction ?? {};
    const sections = SECTIONS.filter((key) => Array.isArray(report[key])).map((key) => {
      const rows = report[key].map((r) => ({ ...r, label: localized(r.label, r.id) }));
      const canvas = h('canvas', { role: 'img', 'aria-label': `${t(`report.section.${key}`)}: ${rows.map((r) => `${r.label} ${r.count}`).join(', ') || t('report.no_data')}` });
      return {
        rows,
        canvas,
        node: h(
          'section',
          { class: 'panel', 'aria-labelledby': `r-${key}` },
          h('h2', { id: `r-${key}` }, t(`report.section.${key}`)),
          rows.length ? sized(h('div', { class: 'chart' }, canvas), rows.length) : h('p', { class: 'muted' }, t('report.no_data')),
          rows.length
            ? h(
                'details',
                { class: 'chart-table' },
                h('summary', {}, t('report.as_table')),
                h(
                  'table',
                  {},
                  h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('report.col.label')), h('th', { scope: 'col' }, t('report.col.count')))),
                  h('tbody', {}, rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, r.label), h('td', {}, number(r.count, 0))))),
                ),
              )
            : null,
        ),
      };
    });
    replace(
      out,
      h(
        'div',
        { class: 'figures' },
        figure(t('report.received'), number(report.received, 0)),
        figure(t('report.urgent'), number(report.urgent, 0)),
        figure(t('report.decided'), number(report.decided, 0)),
        figure(t('report.median_days'), number(report.medianDaysToDecision, 1)),
        figure(t('report.overdue'), number(report.overdue, 0)),
        figure(t('report.satisfaction'), s.average == null ? t('page.none') : t('report.satisfaction_value', { average: number(s.average, 2), count: s.count ?? 0 })),
      ),
      h('div', { class: 'charts' }, sections.map((x) => x.node)),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'r-comments' },
        h('h2', { id: 'r-comments' }, t('report.comments')),
        (s.comments ?? []).length
          ? h(
              'ul',
              { class: 'comments' },
              s.comments.map((c) =>
                h('li', {}, h('strong', {}, t('report.score', { score: c.score })), ' ', c.text, ' ', h('span', { class: 'muted' }, h('a', { href: `#/cases/${encodeURIComponent(c.ref)}` }, c.ref), ' · ', dateTime(c.at))),
              ),
            )
          : h('p', { class: 'muted' }, t('report.no_comments')),
      ),
    );
    try {
      const Chart = await loadChartJs();
      if (!isCurrent()) return;
      Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
      charts = sections.filter((x) => x.rows.length).map((x) => barChart(Chart, x.canvas, x.rows));
    } catch {
      // The tables under each heading still carry the figures.
      for (const details of out.querySelectorAll('details')) details.open = true;
    }
  }

  const form = h(
    'form',
    {
      class: 'filters',
      'aria-label': t('report.choose'),
      onsubmit: async (e) => {
        e.preventDefault();
        if (!/^\d{4}-\d{2}$/.test(month.value)) {
          month.setAttribute('aria-invalid', 'true');
          error.textContent = t('console.error.bad_month');
          month.focus();
          return;
        }
        month.removeAttribute('aria-invalid');
        chosen.month = month.value;
        chosen.office = office.value;
        await load();
        announce(t('report.shown', { month: chosen.month }));
      },
    },
    field(t('report.month'), month),
    offices.length > 1 || account.role === 'admin' ? field(t('report.office'), office) : null,
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('report.show')),
    csv,
  );

  await load();
  const node = h(
    'section',
    { 'aria-labelledby': 'report-heading' },
    h('div', { class: 'page-head' }, h('h1', { id: 'report-heading' }, t('report.heading'))),
    h('div', { class: 'panel' }, form, error),
    out,
  );
  return { title: t('report.heading'), node, dispose: destroyCharts };
}
