// The audit log (admins): every case view, action and refusal, with the person who did it; newest first.
// Repeated views of one thing by one person are one line ("共 5 次"); the stored codes show on hover.
import { get, query } from '../lib/api.js';
import { describeEntry, foldViews } from '../lib/audit-lines.js';
import { field, h, replace, select } from '../lib/dom.js';
import { caseRefExample, dateTime, has, keysWithPrefix, locale, t, timeZone } from '../lib/i18n.js';

const filters = { account: '', action: '', ref: '' };

/** 王芳 (wangfang): the name colleagues know, with the login name the log is searched by. */
const accountName = (a) => (a.displayName ? `${a.displayName} (${a.username})` : a.username);

/** The time of day in the centre's time zone, for the span of folded views. */
const time = (ms) => new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: timeZone(), timeStyle: 'short' }).format(ms);

export async function render({ isCurrent }) {
  const [accounts, offices] = await Promise.all([
    get('/api/accounts').then((a) => a.accounts ?? [], () => []),
    get('/api/me').then((me) => new Map((me.offices ?? []).map((o) => [o.id, o.label])), () => new Map()),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const nameOf = (id) => (byId.has(id) ? accountName(byId.get(id)) : `#${id}`);
  const words = {
    t,
    has,
    nameOf,
    statusOf: (status) => (has(`console.status.${status}`) ? t(`console.status.${status}`) : status),
    roleOf: (role) => (has(`page.role.${role}`) ? t(`page.role.${role}`) : role),
    officeOf: (office) => offices.get(office) ?? office,
  };
  const tableBox = h('div', { class: 'table-wrap' });
  const more = h('div', { class: 'btn-row' });
  const status = h('p', { class: 'muted', role: 'status' });
  let rows = [];

  const accountSelect = select([['', t('page.all')], ...accounts.map((a) => [a.id, accountName(a)])], filters.account, { name: 'account' });
  const actions = keysWithPrefix('audit.action.').filter((k) => k !== 'audit.action.any').map((k) => [k.slice('audit.action.'.length), t(k)]);
  const action = select([['', t('audit.action.any')], ...actions], filters.action, { name: 'action' });
  const ref = h('input', { type: 'search', name: 'ref', value: filters.ref, placeholder: caseRefExample(), autocomplete: 'off' });

  function who(e) {
    if (e.accountId !== null) return nameOf(e.accountId);
    if (/^telegram:\d+/.test(e.detail ?? '')) return t('audit.by_telegram', { id: /^telegram:(\d+)/.exec(e.detail)[1] });
    // Accounts made with `fayuan staff add` on the server have no signed-in author.
    return e.action.startsWith('account.') ? t('audit.by_server') : t('audit.anonymous');
  }

  function line({ entry: e, count, oldest }) {
    const said = describeEntry(e, words);
    const detail = count > 1 ? t('audit.viewed_times', { count, from: time(oldest), to: time(e.at) }) : said.detail;
    return h(
      'tr',
      {},
      h('td', {}, dateTime(e.at)),
      h('td', {}, who(e)),
      h('td', { title: e.action }, said.action),
      h('td', { title: e.target ?? '' }, said.target || t('page.none')),
      h('td', {}, e.outcome === 'refused' ? h('span', { class: 'badge badge--overdue' }, t('audit.refused')) : h('span', { class: 'badge badge--live' }, t('audit.ok'))),
      h('td', { title: e.detail ?? '' }, detail),
    );
  }

  function draw(next) {
    if (!isCurrent()) return;
    const lines = foldViews(rows);
    status.textContent = t('audit.count', { count: lines.length });
    replace(
      tableBox,
      lines.length
        ? h(
            'table',
            {},
            h('caption', { class: 'visually-hidden' }, t('audit.heading')),
            h('thead', {}, h('tr', {}, ['at', 'account', 'action', 'target', 'outcome', 'detail'].map((c) => h('th', { scope: 'col' }, t(`audit.col.${c}`))))),
            h('tbody', {}, lines.map(line)),
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
        filters.action = action.value;
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
