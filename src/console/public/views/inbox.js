// The inbox: cases by state, overdue and due-today first (the server's order), filters, search by
// reference; new cases and hand-off requests appear while the page is open (change feed).
import { get, query } from '../lib/api.js';
import { caseBadges, statusBadge } from '../lib/badges.js';
import { field, h, replace, select } from '../lib/dom.js';
import { subscribe } from '../lib/feed.js';
import { caseRefExample, date, dateTime, keysWithPrefix, localized, t } from '../lib/i18n.js';

const STATES = ['open', 'new', 'claimed', 'materials_requested', 'accepted', 'declined', 'referred', 'closed', 'withdrawn', 'all'];

/** Kept while the console is open, so coming back to the inbox keeps the filters. */
const filters = { state: 'open', office: '', category: '', assignee: '', q: '', offset: 0 };
/** Cases per page: a year of closed cases is thousands of rows. */
const PAGE = 50;
/** The case opened last from the list: coming back puts staff on it again, where they were in a long list. */
let lastOpened = null;

export async function render({ account, announce, isCurrent }) {
  const me = await get('/api/me').catch(() => ({ offices: [] }));
  const offices = me.offices ?? [];
  const colleagues = me.colleagues ?? [];
  let known = null;

  const status = h('p', { class: 'muted', role: 'status', id: 'inbox-count' });
  // Applications residents withdrew while the page was open: staff should stop working on them.
  const withdrawals = h('ul', { class: 'notices', id: 'inbox-withdrawn', 'aria-label': t('inbox.withdrawn.list') });
  /** Says `key` about the case aloud and as a link on top of `list`, which keeps the latest five. */
  function noteCase(list, key, ref) {
    const line = t(key, { ref, time: dateTime(Date.now()) });
    list.prepend(h('li', { class: 'form-info' }, h('a', { href: `#/cases/${encodeURIComponent(ref)}` }, line)));
    while (list.children.length > 5) list.lastElementChild.remove();
    announce(line);
  }
  const noteWithdrawal = (ref) => noteCase(withdrawals, 'inbox.withdrawn', ref);
  // Cases a supervisor assigned to this account while the inbox was open: said, not only a changed column.
  const assignedNotices = h('ul', { class: 'notices', id: 'inbox-assigned', 'aria-label': t('inbox.assigned.list') });
  let assignees = null;
  function noteAssigned(cases) {
    const before = assignees;
    assignees = new Map(cases.map((c) => [c.ref, c.assignee]));
    if (!before) return;
    for (const c of cases) {
      if (c.assignee === account.username && before.get(c.ref) !== account.username) noteCase(assignedNotices, 'inbox.assigned', c.ref);
    }
  }
  const liveStrip = h('div', { id: 'live-strip' });
  const tableWrap = h('div', { class: 'table-wrap table-wrap--cards' });

  const tabs = h(
    'div',
    { class: 'state-tabs', role: 'group', 'aria-label': t('inbox.filter.state') },
    STATES.map((state) =>
      h(
        'button',
        {
          type: 'button',
          'aria-pressed': String(filters.state === state),
          dataset: { state },
          onclick: () => {
            filters.state = state;
            for (const b of tabs.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.state === state));
            firstPage();
          },
        },
        t(`inbox.state.${state}`),
      ),
    ),
  );

  // The offices this account works for (a centre's staff also see its workstations' cases).
  const workedOffices = offices.filter((o) => (me.visibleOffices ?? offices.map((x) => x.id)).includes(o.id));
  const officeSelect = select([['', t('page.all')], ...workedOffices.map((o) => [o.id, localized(o.label, o.id)])], filters.office, {
    name: 'office',
    onchange: (e) => ((filters.office = e.target.value), firstPage()),
  });
  const categories = keysWithPrefix('category.').filter((k) => k.split('.').length === 2);
  const categorySelect = select([['', t('page.all')], ...categories.map((k) => [k.slice('category.'.length), t(k)])], filters.category, {
    name: 'category',
    onchange: (e) => ((filters.category = e.target.value), firstPage()),
  });
  const assigneeSelect = select(
    [['', t('inbox.assignee.anyone')], ['me', t('inbox.assignee.me')], ...colleagues.filter((c) => c.id !== account.id).map((c) => [c.username, c.displayName ?? c.username])],
    filters.assignee,
    { name: 'assignee', onchange: (e) => ((filters.assignee = e.target.value), firstPage()) },
  );
  const search = h('input', { type: 'search', name: 'q', value: filters.q, placeholder: caseRefExample(), autocomplete: 'off', spellcheck: 'false' });
  const searchForm = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': t('inbox.filters'),
      onsubmit: (e) => {
        e.preventDefault();
        filters.q = search.value.trim();
        firstPage();
      },
    },
    workedOffices.length > 1 ? field(t('inbox.filter.office'), officeSelect) : null,
    field(t('inbox.filter.category'), categorySelect),
    field(t('inbox.filter.assignee'), assigneeSelect),
    field(t('inbox.filter.ref'), search),
    h('button', { type: 'submit', class: 'btn' }, t('page.search')),
  );

  function row(c, fresh) {
    const classes = [c.overdue ? 'is-overdue' : '', c.dueToday ? 'is-due-today' : '', fresh ? 'is-new' : '', c.ref === lastOpened ? 'is-last-opened' : '']
      .filter(Boolean)
      .join(' ');
    const badges = caseBadges(c);
    return h(
      'tr',
      { class: classes || null, dataset: { ref: c.ref } },
      // data-label: on a phone the table becomes one card per case and each value shows its column's name.
      h('th', { scope: 'row', 'data-label': t('inbox.col.ref') }, h('a', { class: 'ref', href: `#/cases/${encodeURIComponent(c.ref)}`, onclick: () => (lastOpened = c.ref) }, c.ref)),
      h('td', { 'data-label': t('inbox.col.category') }, c.categoryLabel ?? c.category),
      h('td', { 'data-label': t('inbox.col.status') }, statusBadge(c)),
      h('td', { 'data-label': t('inbox.col.urgency'), class: badges.childElementCount ? null : 'is-empty' }, badges),
      h(
        'td',
        { 'data-label': t('inbox.col.due') },
        c.dueAt ? h('time', { datetime: new Date(c.dueAt).toISOString() }, date(c.dueAt)) : c.status === 'materials_requested' ? t('case.field.due_paused') : t('page.none'),
      ),
      h('td', { 'data-label': t('inbox.col.office') }, c.officeLabel ?? c.office ?? t('page.none')),
      h('td', { 'data-label': t('inbox.col.assignee') }, c.assigneeName ?? c.assignee ?? h('span', { class: 'muted' }, t('inbox.unassigned'))),
      h('td', { 'data-label': t('inbox.col.created') }, h('time', { datetime: new Date(c.createdAt).toISOString() }, dateTime(c.createdAt))),
    );
  }

  const pager = h('nav', { class: 'btn-row pager', 'aria-label': t('inbox.pager') });
  /** Another page (or other filters): what is on it is not "new". */
  function turnTo(offset) {
    filters.offset = Math.max(0, offset);
    known = null;
    assignees = null;
    return load();
  }
  const firstPage = () => turnTo(0);

  function drawPager(total, shown) {
    const from = total === 0 ? 0 : filters.offset + 1;
    const to = filters.offset + shown;
    status.textContent = total > PAGE ? t('inbox.range', { from, to, total }) : t('inbox.count', { count: total });
    replace(
      pager,
      total > PAGE
        ? [
            h('button', { type: 'button', class: 'btn', disabled: filters.offset === 0, onclick: () => turnTo(filters.offset - PAGE) }, t('inbox.page.previous')),
            h('button', { type: 'button', class: 'btn', disabled: to >= total, onclick: () => turnTo(filters.offset + PAGE) }, t('inbox.page.next')),
          ]
        : null,
    );
  }

  let loading = 0;
  async function load({ arrived = false } = {}) {
    const mine = ++loading;
    let answer;
    try {
      answer = await get(
        `/api/cases${query({ state: filters.state, office: filters.office, category: filters.category, assignee: filters.assignee, q: filters.q, limit: PAGE, offset: filters.offset })}`,
      );
    } catch (error) {
      if (mine === loading) status.textContent = error.message;
      return;
    }
    if (mine !== loading || !isCurrent()) return;
    const cases = answer.cases ?? [];
    // Cases closed meanwhile can leave a page empty: go back to the last page that has some.
    if (cases.length === 0 && filters.offset > 0 && (answer.total ?? 0) > 0) return turnTo(Math.floor((answer.total - 1) / PAGE) * PAGE);
    const before = known;
    known = new Set(cases.map((c) => c.ref));
    noteAssigned(cases);
    const fresh = before ? cases.filter((c) => !before.has(c.ref)) : [];
    drawPager(answer.total ?? cases.length, cases.length);
    if (cases.length === 0 && filters.q && filters.state !== 'all') {
      // A resident ringing about a case closed or withdrawn meanwhile: not "no case", but where else to look.
      replace(
        tableWrap,
        h(
          'div',
          { class: 'empty' },
          h('p', {}, t('inbox.search_empty', { q: filters.q, state: t(`inbox.state.${filters.state}`) })),
          h('button', { type: 'button', class: 'btn', onclick: () => tabs.querySelector('button[data-state="all"]')?.click() }, t('inbox.search_all')),
        ),
      );
    } else if (cases.length === 0) {
      replace(tableWrap, h('p', { class: 'empty' }, t('inbox.empty')));
    } else {
      replace(
        tableWrap,
        h(
          'table',
          { 'aria-describedby': 'inbox-count' },
          h('caption', { class: 'visually-hidden' }, t('inbox.caption')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['ref', 'category', 'status', 'urgency', 'due', 'office', 'assignee', 'created'].map((col) => h('th', { scope: 'col' }, t(`inbox.col.${col}`))),
            ),
          ),
          h('tbody', {}, cases.map((c) => row(c, fresh.some((f) => f.ref === c.ref)))),
        ),
      );
    }
    if (arrived && fresh.length > 0) announce(t('inbox.arrived', { count: fresh.length, refs: fresh.map((c) => c.ref).join(', ') }));
  }

  async function loadLive({ requested = false } = {}) {
    if (account.role === 'operator') return;
    let answer;
    try {
      answer = await get('/api/live');
    } catch {
      return;
    }
    if (!isCurrent()) return;
    const waiting = (answer.conversations ?? []).filter((c) => c.state === 'waiting');
    // An alert whose conversation a colleague has taken is theirs now: not counted here.
    const alerts = (answer.alerts ?? []).filter((a) => !a.takenBy);
    // Residents nobody could take who left a number: a call to make today, said where staff start their day.
    const toRing = (answer.callbacks ?? []).filter((c) => !c.doneBy);
    if (waiting.length === 0 && alerts.length === 0 && toRing.length === 0) {
      replace(liveStrip);
      return;
    }
    replace(
      liveStrip,
      h(
        'p',
        { class: alerts.length ? 'alert' : 'form-info' },
        alerts.length ? t('inbox.live.danger', { count: alerts.length }) + ' ' : '',
        waiting.length ? t('inbox.live.waiting', { count: waiting.length }) + ' ' : '',
        toRing.length ? t('inbox.live.callbacks', { count: toRing.length }) + ' ' : '',
        h('a', { href: '#/live' }, t('inbox.live.open')),
      ),
    );
    if (requested) announce(t('inbox.live.requested'));
  }

  let timer = 0;
  const unsubscribe = subscribe((event) => {
    if (event.type === 'case.withdrawn') noteWithdrawal(event.ref);
    if (event.type === 'case.created' || event.type === 'case.changed') {
      clearTimeout(timer);
      timer = setTimeout(() => load({ arrived: event.type === 'case.created' }), 150);
    } else if (event.type === 'live.requested' || event.type === 'live.changed' || event.type === 'danger') {
      loadLive({ requested: event.type === 'live.requested' });
    }
  });

  await Promise.all([load(), loadLive()]);

  const node = h(
    'section',
    { 'aria-labelledby': 'inbox-heading' },
    h('div', { class: 'page-head' }, h('h1', { id: 'inbox-heading' }, t('inbox.heading'))),
    liveStrip,
    assignedNotices,
    withdrawals,
    searchForm,
    tabs,
    status,
    tableWrap,
    pager,
  );
  // Back from a case: focus (and so scroll to) its row rather than the heading at the top.
  const back = lastOpened ? [...tableWrap.querySelectorAll('a.ref')].find((a) => a.textContent === lastOpened) : undefined;
  return {
    title: t('inbox.heading'),
    node,
    ...(back ? { focus: back } : {}),
    dispose: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
