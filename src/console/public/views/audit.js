// The audit log (admins): every case view, action and refusal, with the account that did it; newest first.
import { get, query } from '../lib/api.js';
import { field, h, replace, select } from '../lib/dom.js';
import { dateTime, t } from '../lib/i18n.js';

const filters = { account: '', action: '', ref: '', outcome: '' };

export async function render({ isCurrent }) {
  const accounts = (await get('/api/accounts').catch(() => ({ accounts: [] }))).accounts ?? [];
  const tableBox = h('div', { class: 'table-wrap' });
  const more = h('div', { class: 'btn-row' });
  const status = h('p', { class: 'muted', role: 'status' });
  let rows = [];

  const accountSelect = select([['', t('page.all')], ...accounts.map((a) => [a.id, a.username])], filters.account, { name: 'account' });
  const action = h('input', { type: 'text', name: 'action', value: filters.action, placeholder: 'case.view', autocomplete: 'off' });
  const ref = h('input', { type: 'search', name: 'ref', value: filters.ref, placeholder: 'FY-20261201-0001', autocomplete: 'off' });

  function draw(next) {
    if (!isCurrent()) return;
    status.textContent = t('audit.count', { count: rows.length });
    replace(
      tableBox,
      rows.length
        ? h(
            'table',
            {},
            h('caption', { class: 'visually-hidden' }, t('audit.heading')),
            h('thead', {}, h('tr', {}, ['at', 'account', 'action', 'target', 'outcome', 'detail'].map((c) => h('th', { scope: 'col' }, t(`audit.col.${c}`))))),
            h(
              'tbody',
              {},
              rows.map((e) =>
                h(
                  'tr',
                  {},
                  h('td', {}, dateTime(e.at)),
                  h('td', {}, e.username ?? (e.accountId === null ? t('audit.anonymous') : `#${e.accountId}`)),
                  h('td', {}, h('code', {}, e.action)),
                  h('td', {}, e.target ?? t('page.none')),
                  h('td', {}, e.outcome === 'refused' ? h('span', { class: 'badge badge--overdue' }, t('audit.refused')) : h('span', { class: 'badge badge--live' }, t('audit.ok'))),
                  h('td', {}, e.detail ?? ''),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('audit.none')),
    );
    replace(more, next ? h('button', { type: 'button', class: 'btn', onclick: () => load(next) }, t('audit.more')) : null);
  }

  async function load(before) {
    const answer = await get(`/api/audit${query({ account: filters.account, action: filters.action, ref: filters.ref, before, limit: 100 })}`);
    rows = before ? [...rows, ...(answer.entries ?? [])] : answer.entries ?? [];
    draw(answer.next);
  }

  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': t('audit.filters'),
      onsubmit: async (e) => {
        e.preventDefault();
        filters.account = accountSelect.value;
        filters.action = action.value.trim();
        filters.ref = ref.value.trim();
        await load();
      },
    },
    field(t('audit.col.account'), accountSelect),
    field(t('audit.col.action'), action),
    field(t('audit.col.target'), ref),
    h('button', { type: 'submit', class: 'btn' }, t('page.search')),
  );

  await load();
  const node = h(
    'section',
    { 'aria-labelledby': 'audit-heading' },
    h('div', { class: 'page-head' }, h('h1', { id: 'audit-heading' }, t('audit.heading'))),
    h('div', { class: 'panel' }, form),
    status,
    tableBox,
    more,
  );
  return { title: t('audit.heading'), node };
}
