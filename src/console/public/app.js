// The console's frame: texts, session, navigation between views (hash routes), focus and announcements.
import { get, onSessionEnd, post, setCsrfToken } from './lib/api.js';
import { closeFeed, onBuild, onFeedStatus, openFeed } from './lib/feed.js';
import { applyTexts, loadStrings, otherLocale, setLocale, t } from './lib/i18n.js';
import { isGeneratedId, replace } from './lib/dom.js';
import { closeDialogsForNavigation, closeDialogsForSignIn } from './lib/dialog.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const whoami = document.getElementById('whoami');
const languageButton = document.getElementById('language');
const logoutButton = document.getElementById('logout');
const announcer = document.getElementById('announce');
const connection = document.getElementById('connection');
const update = document.getElementById('update');
/** The version of these pages, as the server that sent them wrote it into the page. */
const pageBuild = document.querySelector('meta[name="fayuan-build"]')?.content ?? '';
/** Where what staff typed waits across a reload for a new version (this tab only). */
const KEPT = 'fayuan.console.kept';

/** Views by the first part of the hash route, loaded when first opened. */
const VIEWS = {
  login: () => import('./views/login.js'),
  inbox: () => import('./views/inbox.js'),
  cases: () => import('./views/case.js'),
  live: () => import('./views/live.js'),
  kb: () => import('./views/kb.js'),
  report: () => import('./views/report.js'),
  policy: () => import('./views/policy.js'),
  accounts: () => import('./views/accounts.js'),
  audit: () => import('./views/audit.js'),
};

/** Where each role starts after signing in. */
const HOME = { staff: 'inbox', supervisor: 'inbox', admin: 'inbox', operator: 'kb' };

/** `returnTo`: the route staff were on when the session ended; signing in again goes back there. */
const session = { account: null, notice: null, returnTo: null };
/** `unsaved`: the view's own "changes not saved yet?" (the knowledge-base editor); `hash`: the route it shows. */
let current = { dispose: null, token: 0, unsaved: null, hash: '' };
/** Set while reloading for a new version: what was typed is kept, so the browser need not ask. */
let reloadingForUpdate = false;
let firstView = true;

/** Tells screen-reader users what happened (and shows nothing). */
export function announce(text) {
  announcer.textContent = '';
  // A fresh text node after a tick, so the same message twice is announced twice.
  setTimeout(() => (announcer.textContent = text), 50);
}

/** Changes not saved yet (an answer being rewritten) are thrown away only when staff say so. */
const mayLeave = () => !current.unsaved?.() || window.confirm(t('page.unsaved.leave'));

export function navigate(route) {
  if (location.hash === `#/${route}`) render();
  else location.hash = `#/${route}`;
}

function parseRoute() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] ?? '', params: parts.slice(1), search: new URLSearchParams(search) };
}

function showChrome() {
  const account = session.account;
  nav.hidden = !account;
  logoutButton.hidden = !account;
  whoami.hidden = !account;
  if (account) {
    whoami.textContent = t('page.account', { name: account.displayName ?? account.username, role: t(`page.role.${account.role}`) });
    for (const item of nav.querySelectorAll('li')) item.hidden = !item.dataset.roles.split(' ').includes(account.role);
  }
  languageButton.lang = otherLocale();
  applyTexts(document);
}

function markCurrent(name) {
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.route === name || (name === 'cases' && link.dataset.route === 'inbox')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Draws the view of the current hash route; moves focus to its heading so keyboard users start there. */
async function render({ keepFocus = false } = {}) {
  const token = ++current.token;
  current.dispose?.();
  current.dispose = null;
  current.unsaved = null;
  current.hash = location.hash;
  let { name, params, search } = parseRoute();
  if (!session.account && name !== 'login') name = 'login';
  if (session.account && (name === '' || name === 'login')) {
    location.replace(`#/${HOME[session.account.role] ?? 'inbox'}`);
    return;
  }
  markCurrent(name);
  const load = VIEWS[name];
  if (!load) {
    replace(main, Object.assign(document.createElement('h1'), { textContent: t('page.not_found'), tabIndex: -1 }));
    document.title = t('page.title');
    if (!keepFocus) main.querySelector('h1').focus();
    return;
  }
  replace(main, Object.assign(document.createElement('p'), { className: 'loading', textContent: t('page.loading') }));
  const view = await load();
  if (token !== current.token) return;
  const context = { account: session.account, params, search, navigate, announce, signedIn, notice: session.notice, isCurrent: () => token === current.token };
  session.notice = null;
  const shown = await view.render(context);
  if (token !== current.token) {
    shown.dispose?.();
    return;
  }
  current.dispose = shown.dispose ?? null;
  current.unsaved = shown.unsaved ?? null;
  replace(main, shown.node);
  restoreTyped();
  document.title = `${shown.title} · ${t('page.title')}`;
  const heading = main.querySelector('h1');
  if (heading) heading.tabIndex = -1;
  // On the first view after loading, focus stays at the top (so the skip link is the first Tab stop)
  // unless the view asks for a field; after that, each new view's heading takes focus.
  if (shown.focus && !keepFocus) shown.focus.focus();
  else if (!keepFocus && !firstView) (heading ?? main).focus();
  firstView = false;
}

/** After a successful sign-in: remember who, open the feed, go to the start page. */
function signedIn(account, csrfToken) {
  session.account = account;
  setCsrfToken(csrfToken);
  openFeed();
  showChrome();
  const back = session.returnTo?.accountId === account.id ? session.returnTo.route : null;
  session.returnTo = null;
  navigate(back ?? HOME[account.role] ?? 'inbox');
}

function signedOut(notice) {
  // Signed out (or the session ended): nothing to ask about; the page is left for the sign-in form.
  current.unsaved = null;
  session.account = null;
  session.notice = notice;
  setCsrfToken(null);
  closeFeed();
  showChrome();
  if (location.hash !== '#/login') location.hash = '#/login';
  else render();
}

async function boot() {
  await loadStrings();
  try {
    const me = await get('/api/me');
    session.account = me.account ?? me;
    setCsrfToken(me.csrfToken);
    openFeed();
  } catch {
    session.account = null;
  }
  showChrome();
  await render();
}

languageButton.addEventListener('click', async () => {
  // What was typed survives the redraw in the other language (a note on a case too: its drawn id changes).
  const typed = [...main.querySelectorAll('select[id]')].map((el) => [el.id, el.value]);
  const written = new Map(typedFields().map(([key, el]) => [key, el.value]));
  setLocale(otherLocale());
  showChrome();
  await render({ keepFocus: true });
  for (const [id, value] of typed) {
    const el = document.getElementById(id);
    if (el && 'value' in el) el.value = value;
  }
  for (const [key, el] of typedFields()) if (written.has(key)) el.value = written.get(key);
  languageButton.focus();
});

logoutButton.addEventListener('click', async () => {
  if (!mayLeave()) return;
  try {
    await post('/api/logout');
  } catch {
    // Signed out either way: the page forgets the session.
  }
  signedOut('login.signed_out');
});

onSessionEnd(() => {
  if (!session.account) return;
  // Back to this page after signing in again; a dialog being filled in keeps its text (views/case.js).
  const route = location.hash.replace(/^#\/?/, '');
  session.returnTo = route && route !== 'login' ? { accountId: session.account.id, route } : null;
  closeDialogsForSignIn();
  signedOut('login.expired');
});

/** The fields of the page staff may have typed in, each under a key the same page finds again after a reload. */
function typedFields() {
  const seen = new Map();
  return [...main.querySelectorAll('textarea, input:not([type="file"]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="password"])')].map((el) => {
    // Drawn ids (f-12) change with each drawing: the nearest stable id and the field's name place it.
    const stable = (node) => {
      for (let at = node; at && at !== main; at = at.parentElement) if (at.id && !isGeneratedId(at.id)) return at.id;
      return '';
    };
    const base = `${stable(el.parentElement)}|${el.name || (isGeneratedId(el.id) ? '' : el.id)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return [`${base}|${n}`, el];
  });
}

/** After a reload for a new version: puts back what was typed on this page, once its fields are drawn. */
function restoreTyped() {
  let kept;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEPT) ?? 'null');
  } catch {
    kept = null;
  }
  if (!kept || kept.route !== location.hash) return;
  const waiting = new Map(kept.fields);
  const until = Date.now() + 15_000;
  const fill = () => {
    for (const [key, el] of typedFields()) {
      if (!waiting.has(key)) continue;
      // What was typed wins over what the page filled in (an entry's saved answer under the operator's rewrite).
      el.value = waiting.get(key);
      waiting.delete(key);
    }
    if (waiting.size && Date.now() < until && kept.route === location.hash) setTimeout(fill, 200);
    else sessionStorage.removeItem(KEPT);
  };
  fill();
}

// A new version of the console on the server (an upgrade): say so; reloading keeps what was typed here.
onBuild((build) => {
  if (!build || !pageBuild || pageBuild === '%BUILD%' || build === pageBuild) return;
  if (update.hidden) update.hidden = false;
});

document.getElementById('reload').addEventListener('click', () => {
  const fields = typedFields()
    .filter(([, el]) => el.value && el.value !== el.defaultValue)
    .map(([key, el]) => [key, el.value]);
  if (fields.length) sessionStorage.setItem(KEPT, JSON.stringify({ route: location.hash, fields }));
  reloadingForUpdate = true;
  location.reload();
});

onFeedStatus((open) => {
  connection.textContent = open || !session.account ? '' : t('page.offline');
});

// The skip link moves focus without touching the hash, which names the view.
document.querySelector('.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

// A dialog belongs to the page it was opened on: another page (back, a link) closes it, sending nothing.
window.addEventListener('hashchange', () => {
  // Changes not saved yet (an answer being rewritten): ask before throwing them away; staying puts the
  // address back without drawing the page again, so every word stays.
  if (!mayLeave()) {
    history.replaceState(null, '', current.hash);
    return;
  }
  closeDialogsForNavigation();
  render();
});

// A link to the page already shown (the unanswered questions, the inbox) draws it again with fresh data: the
// browser fires no hashchange for it, so staff clicking it saw the old list.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
  if (!link || link.getAttribute('href') !== location.hash || event.defaultPrevented) return;
  event.preventDefault();
  if (mayLeave()) render();
});

// Closing the tab or reloading with changes not saved: the browser asks (in its own words).
window.addEventListener('beforeunload', (event) => {
  if (reloadingForUpdate || !current.unsaved?.()) return;
  event.preventDefault();
  event.returnValue = '';
});
boot();
