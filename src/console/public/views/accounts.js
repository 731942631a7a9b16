// Accounts (admins): who can sign in, their role and office; add, disable, set a new password.
import { get, post } from '../lib/api.js';
import { invalid, openDialog } from '../lib/dialog.js';
import { field, h, replace, select } from '../lib/dom.js';
import { dateTime, localized, t } from '../lib/i18n.js';

const ROLES = ['staff', 'supervisor', 'operator', 'admin'];

export async function render({ announce, isCurrent }) {
  const me = await get('/api/me').catch(() => ({ offices: [] }));
  const offices = me.offices ?? [];
  const officeName = (id) => (id ? localized(offices.find((o) => o.id === id)?.label, id) : t('accounts.all_offices'));
  const tableBox = h('div', { class: 'table-wrap' });
  const status = h('p', { class: 'form-info', role: 'status', tabindex: '-1' });

  const done = async (text) => {
    await load();
    status.textContent = text;
    announce(text);
    status.focus();
  };

  function nameDialog(account) {
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: 40, value: account.displayName ?? '' });
    return openDialog({
      title: t('accounts.name.title', { username: account.username }),
      fields: [field(t('accounts.field.name'), name, t('accounts.name.hint'))],
      confirmLabel: t('page.save'),
      onConfirm: async () => {
        await post(`/api/accounts/${account.id}/name`, { name: name.value.trim() });
        await done(t('accounts.name.done', { username: account.username }));
      },
    });
  }

  function passwordDialog(account) {
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password' });
    return openDialog({
      title: t('accounts.password.title', { username: account.username }),
      fields: [field(t('accounts.field.password'), password, t('accounts.password.hint'))],
      confirmLabel: t('page.save'),
      onConfirm: async () => {
        if (password.value.length < 10) throw invalid(password, t('console.error.too_short', { min: 10 }));
        await post(`/api/accounts/${account.id}/password`, { password: password.value });
        await done(t('accounts.password.done', { username: account.username }));
      },
    });
  }

  async function load() {
    const accounts = (await get('/api/accounts')).accounts ?? [];
    if (!isCurrent()) return;
    replace(
      tableBox,
      h(
        'table',
        {},
        h('caption', {}, t('accounts.caption', { count: accounts.length })),
        h('thead', {}, h('tr', {}, ['username', 'name', 'role', 'office', 'state', 'last_login', 'actions'].map((c) => h('th', { scope: 'col' }, t(`accounts.col.${c}`))))),
        h(
          'tbody',
          {},
          accounts.map((a) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, a.username),
              h('td', {}, a.displayName ?? h('span', { class: 'muted' }, t('accounts.no_name'))),
              h('td', {}, t(`page.role.${a.role}`)),
              h('td', {}, officeName(a.office)),
              h('td', {}, a.disabled ? h('span', { class: 'badge badge--overdue' }, t('accounts.disabled')) : h('span', { class: 'badge badge--live' }, t('accounts.enabled'))),
              h('td', {}, a.lastLoginAt ? dateTime(a.lastLoginAt) : t('page.none')),
              h(
                'td',
                {},
                h(
                  'span',
                  { class: 'btn-row' },
                  h('button', { type: 'button', class: 'btn btn--small', onclick: () => nameDialog(a), 'aria-label': t('accounts.name.for', { username: a.username }) }, t('accounts.name')),
                  h('button', { type: 'button', class: 'btn btn--small', onclick: () => passwordDialog(a), 'aria-label': t('accounts.password.for', { username: a.username }) }, t('accounts.password')),
                  a.disabled
                    ? null
                    : h(
                        'button',
                        {
                          type: 'button',
                          class: 'btn btn--small btn--danger',
                          'aria-label': t('accounts.disable.for', { username: a.username }),
                          onclick: () =>
                            openDialog({
                              title: t('accounts.disable.title', { username: a.username }),
                              fields: [h('p', {}, t('accounts.disable.explain'))],
                              confirmLabel: t('accounts.disable'),
                              danger: true,
                              onConfirm: async () => {
                                await post(`/api/accounts/${a.id}/disable`);
                                await done(t('accounts.disable.done', { username: a.username }));
                              },
                            }),
                        },
                        t('accounts.disable'),
                      ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function addDialog() {
    const username = h('input', { type: 'text', name: 'username', autocomplete: 'off', spellcheck: 'false' });
    const displayName = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: 40 });
    const role = select(ROLES.map((r) => [r, t(`page.role.${r}`)]), 'staff', { name: 'role' });
    const office = select([['', t('accounts.all_offices')], ...offices.map((o) => [o.id, localized(o.label, o.id)])], '', { name: 'office' });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'new-password' });
    return openDialog({
      title: t('accounts.add'),
      fields: [
        field(t('login.username'), username),
        field(t('accounts.field.name'), displayName, t('accounts.field.name_hint')),
        field(t('accounts.col.role'), role),
        field(t('accounts.col.office'), office),
        field(t('accounts.field.password'), password, t('accounts.password.hint')),
      ],
      confirmLabel: t('accounts.add'),
      onConfirm: async () => {
        if (!username.value.trim()) throw invalid(username, t('console.error.bad_username'));
        if (password.value.length < 10) throw invalid(password, t('console.error.too_short', { min: 10 }));
        await post('/api/accounts', { username: username.value.trim(), name: displayName.value.trim() || undefined, role: role.value, office: office.value || null, password: password.value });
        await done(t('accounts.added', { username: username.value.trim() }));
      },
    });
  }

  await load();
  const node = h(
    'section',
    { 'aria-labelledby': 'accounts-heading' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', { id: 'accounts-heading' }, t('accounts.heading')),
      h('span', { class: 'page-head__aside' }, h('button', { type: 'button', class: 'btn btn--primary', onclick: addDialog }, t('accounts.add'))),
    ),
    status,
    tableBox,
  );
  return { title: t('accounts.heading'), node };
}
