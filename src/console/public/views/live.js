// Live conversations (转人工): residents who asked for a person, oldest first, danger alerts on top.
// Staff take one, read what was said, reply with text, a file or a canned reply, and release it to the bot.
import { api, del, get, post, put } from '../lib/api.js';
import { invalid, openDialog } from '../lib/dialog.js';
import { field, h, replace, select } from '../lib/dom.js';
import { subscribe } from '../lib/feed.js';
import { dateTime, labelOf, locale, t } from '../lib/i18n.js';
import { caseBadges, statusBadge } from '../lib/badges.js';

/** One of the resident's cases: its reference as a link, its status and its markers. */
const caseLine = (k) => [h('a', { class: 'ref', href: `#/cases/${encodeURIComponent(k.ref)}` }, k.ref), ' ', statusBadge(k), ' ', caseBadges(k)];

const canEditCanned = (account) => account.role === 'supervisor' || account.role === 'admin';

export async function render({ account, params, navigate, announce, isCurrent }) {
  const selectedId = params[0] ?? null;
  const alertsBox = h('div', { id: 'live-alerts' });
  const queueBox = h('div', { id: 'live-queue' });
  const callbacksBox = h('div', { id: 'live-callbacks' });
  const detail = h('div', { id: 'live-detail' });
  const status = h('p', { class: 'form-info', role: 'status', tabindex: '-1' });
  let conversations = [];
  /** The server's clock minus this browser's, so waits are counted on the server's time. */
  let clockOffset = 0;
  let canned = [];
  let lastMessages = [];
  /** The log element `lastMessages` are drawn in. */
  let lastLog = null;

  const conversation = () => conversations.find((c) => c.id === selectedId);
  const holdsIt = () => conversation()?.state === 'live' && conversation()?.holderAccountId === account.id;

  function stateBadge(c) {
    if (c.state === 'waiting') return h('span', { class: 'badge badge--waiting' }, t('live.state.waiting'));
    if (c.holderAccountId === account.id) return h('span', { class: 'badge badge--live' }, t('live.state.mine'));
    return h('span', { class: 'badge badge--live' }, t('live.state.held', { name: c.holder ?? '' }));
  }

  function dangerBadges(c) {
    return (c.danger ?? []).map((d) => h('span', { class: 'badge badge--danger' }, d.label ?? labelOf('console.danger.', d.kind)));
  }

  /** How long a waiting resident has waited ("等了 12 分钟"), or when a held conversation was taken. */
  function waitText(c) {
    if (c.state !== 'waiting' || c.requestedAt == null) return t('live.taken_at', { time: dateTime(c.takenAt ?? c.requestedAt) });
    const minutes = Math.floor((Date.now() + clockOffset - c.requestedAt) / 60_000);
    return minutes < 1 ? t('live.waited.now') : t('live.waited', { minutes });
  }

  function tickWaits() {
    for (const el of queueBox.querySelectorAll('[data-wait]')) {
      const c = conversations.find((x) => x.id === el.dataset.wait);
      if (c) el.textContent = waitText(c);
    }
  }

  function alertItem(a) {
    const kind = a.label ?? labelOf('console.danger.', a.kind);
    const href = `#/live/${encodeURIComponent(a.conversationId)}`;
    // Once a colleague has the conversation the alert is theirs: it stays listed, quietly, saying who.
    if (a.takenBy) {
      return h(
        'li',
        { class: 'alert-taken' },
        h('span', {}, '✓ ', t('live.alert.taken', { kind, id: a.conversationId, name: a.takenBy })),
        h('time', {}, dateTime(a.at)),
        h('a', { class: 'btn btn--small', href }, t('live.open')),
      );
    }
    return h(
      'li',
      { class: 'alert' },
      h('span', {}, '⚠ ', t('live.alert', { kind, id: a.conversationId })),
      h('time', {}, dateTime(a.at)),
      h('a', { class: 'btn btn--small btn--danger', href }, t('live.open')),
    );
  }

  /** A number to ring back: who, when, their cases, and a warning when the application said calls are not safe. */
  function callbackItem(c) {
    const unsafe = (c.cases ?? []).some((k) => k.doNotCall);
    return h(
      'li',
      { class: c.doneBy ? 'callback callback--done' : unsafe ? 'callback callback--unsafe' : 'callback' },
      h('span', { class: 'callback__line' }, h('strong', {}, t('live.callback', { id: c.id, phone: c.phone })), ' ', h('time', { class: 'muted' }, `${labelOf('console.channel.', c.channel)} · ${dateTime(c.at)}`)),
      (c.cases ?? []).length
        ? h(
            'span',
            { class: 'callback__line' },
            (c.cases ?? []).map((k) => h('span', { class: 'queue__case' }, ...caseLine(k))),
          )
        : null,
      unsafe && !c.doneBy ? h('p', { class: 'safety safety--unsafe' }, t('live.callback.unsafe')) : null,
      c.doneBy
        ? h('p', { class: 'callback__done' }, '✓ ', t('live.callback.done_by', { name: c.doneBy }), ' ', h('time', { class: 'muted' }, dateTime(c.doneAt)))
        : h(
            'span',
            { class: 'callback__line' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn--small',
                onclick: async (e) => {
                  const button = e.currentTarget;
                  button.disabled = true;
                  try {
                    await post(`/api/live/${encodeURIComponent(c.id)}/callback-done`, { at: c.at });
                    await loadQueue();
                  } catch (cause) {
                    button.disabled = false;
                    announce(cause.message);
                  }
                },
              },
              t('live.callback.done'),
            ),
          ),
    );
  }

  async function loadQueue() {
    const answer = await get('/api/live');
    if (!isCurrent()) return;
    conversations = answer.conversations ?? [];
    if (typeof answer.now === 'number') clockOffset = answer.now - Date.now();
    const alerts = answer.alerts ?? [];
    // Alerts nobody has taken yet first, newest first within each.
    const ordered = [...alerts.filter((a) => !a.takenBy), ...alerts.filter((a) => a.takenBy)];
    replace(
      alertsBox,
      alerts.length
        ? h(
            'section',
            { 'aria-labelledby': 'alerts-h' },
            h('h2', { id: 'alerts-h', class: 'visually-hidden' }, t('live.alerts')),
            h('ul', { class: 'alerts' }, ordered.map(alertItem)),
          )
        : null,
    );
    const callbacks = answer.callbacks ?? [];
    replace(
      callbacksBox,
      callbacks.length
        ? h(
            'section',
            { class: 'panel callbacks', 'aria-labelledby': 'callbacks-h' },
            h('h2', { id: 'callbacks-h' }, t('live.callbacks', { count: callbacks.length })),
            h('p', { class: 'muted' }, t('live.callbacks.hint')),
            h('ul', { class: 'callbacks__list' }, callbacks.map(callbackItem)),
          )
        : null,
    );
    replace(
      queueBox,
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'queue-h' },
        h('h2', { id: 'queue-h' }, t('live.queue', { count: conversations.length })),
        conversations.length
          ? h(
              'ul',
              { class: 'queue' },
              conversations.map((c) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    {
                      class: `queue__item${(c.danger ?? []).length ? ' has-danger' : ''}`,
                      href: `#/live/${encodeURIComponent(c.id)}`,
                      'aria-current': c.id === selectedId ? 'true' : null,
                    },
                    h('span', { class: 'queue__line' }, h('strong', {}, t('live.resident', { id: c.id })), stateBadge(c), dangerBadges(c)),
                    h(
                      'span',
                      { class: 'queue__line muted' },
                      labelOf('console.channel.', c.channel),
                      ' · ',
                      h('span', { class: c.state === 'waiting' ? 'queue__wait' : null, 'data-wait': c.id }, waitText(c)),
                    ),
                    // What the resident applied for, so an urgent applicant is seen as one before the chat is read.
                    (c.cases ?? []).length
                      ? h('span', { class: 'queue__line queue__cases' }, (c.cases ?? []).map((k) => h('span', { class: 'queue__case' }, k.ref, ' ', caseBadges(k))))
                      : null,
                  ),
                ),
              ),
            )
          : h('p', { class: 'empty' }, t('live.none')),
      ),
    );
  }

  function bubble(m) {
    const who = m.from === 'resident' ? t('live.from.resident') : m.from === 'staff' ? t('live.from.staff', { name: m.staff ?? '' }) : t('live.from.bot');
    return h(
      'div',
      { class: `bubble bubble--${m.from === 'resident' ? 'in' : m.from === 'staff' ? 'staff' : 'out'}` },
      h('span', { class: 'bubble__who' }, who, ' · ', h('time', {}, dateTime(m.at))),
      m.text ?? null,
      m.attachment ? h('a', { href: m.attachment.url, target: '_blank', rel: 'noopener' }, t('live.file', { name: m.attachment.fileName })) : null,
    );
  }

  async function loadTranscript() {
    if (!selectedId || !detail.querySelector('#transcript')) return;
    const answer = await get(`/api/live/${encodeURIComponent(selectedId)}/transcript`);
    if (!isCurrent()) return;
    // The log on screen now: a redraw while the answer was on its way replaced the one there was (empty).
    const log = detail.querySelector('#transcript');
    if (!log) return;
    const messages = answer.messages ?? [];
    const shown = log === lastLog ? lastMessages : [];
    const known = new Set(shown.map((m) => m.id));
    const added = messages.filter((m) => !known.has(m.id));
    if (shown.length === 0 || added.length !== messages.length - shown.length) replace(log, messages.map(bubble));
    else for (const m of added) log.append(bubble(m));
    lastMessages = messages;
    lastLog = log;
    log.scrollTop = log.scrollHeight;
  }

  async function loadCanned() {
    try {
      canned = (await get('/api/canned-replies')).replies ?? [];
    } catch {
      canned = [];
    }
  }

  function cannedButtons(textarea) {
    const mine = [...canned].sort((a, b) => Number(b.locale === locale()) - Number(a.locale === locale()));
    return h(
      'div',
      { class: 'canned', role: 'group', 'aria-label': t('live.canned') },
      mine.map((r) =>
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn--small',
            title: r.text,
            onclick: () => {
              textarea.value = textarea.value ? `${textarea.value}\n${r.text}` : r.text;
              textarea.focus();
            },
          },
          r.title,
        ),
      ),
      canEditCanned(account) ? h('button', { type: 'button', class: 'btn btn--small', onclick: editCanned }, t('live.canned.edit')) : null,
    );
  }

  async function editCanned() {
    const list = h('ul', { class: 'groups' });
    const draw = () =>
      replace(
        list,
        canned.map((r) =>
          h(
            'li',
            {},
            h('strong', {}, r.title),
            ' ',
            h('span', { class: 'muted' }, r.locale),
            h('p', {}, r.text),
            h(
              'span',
              { class: 'btn-row' },
              h('button', { type: 'button', class: 'btn btn--small', onclick: () => fill(r) }, t('live.canned.change')),
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn--small btn--danger',
                  onclick: async () => {
                    await del(`/api/canned-replies/${r.id}`);
                    await loadCanned();
                    draw();
                    announce(t('live.canned.deleted'));
                  },
                },
                t('live.canned.delete'),
              ),
            ),
          ),
        ),
      );
    let editing = null;
    const title = h('input', { type: 'text', name: 'title' });
    const text = h('textarea', { name: 'text', rows: 3 });
    const lang = select([['zh-CN', t('case.locale.zh-CN')], ['en', t('case.locale.en')]], locale(), { name: 'locale' });
    const fill = (r) => {
      editing = r.id;
      title.value = r.title;
      text.value = r.text;
      lang.value = r.locale;
      title.focus();
    };
    draw();
    await openDialog({
      title: t('live.canned.edit'),
      fields: [list, h('h3', {}, t('live.canned.form')), field(t('live.canned.title'), title), field(t('live.canned.text'), text), field(t('live.canned.locale'), lang)],
      confirmLabel: t('page.save'),
      onConfirm: async () => {
        if (!title.value.trim()) throw invalid(title, t('live.canned.error.title'));
        if (!text.value.trim()) throw invalid(text, t('console.error.empty_text'));
        const body = { title: title.value.trim(), text: text.value.trim(), locale: lang.value };
        if (editing) await put(`/api/canned-replies/${editing}`, body);
        else await post('/api/canned-replies', body);
        await loadCanned();
        announce(t('live.canned.saved'));
      },
    });
    drawDetail();
  }

  function drawDetail() {
    const c = conversation();
    if (!selectedId) {
      replace(
        detail,
        h(
          'section',
          { class: 'panel' },
          h('p', { class: 'muted' }, t('live.choose')),
          canEditCanned(account) ? h('button', { type: 'button', class: 'btn', onclick: editCanned }, t('live.canned.edit')) : null,
        ),
      );
      return;
    }
    if (!c) {
      replace(detail, h('section', { class: 'panel' }, h('p', { class: 'muted' }, t('live.gone'))));
      return;
    }
    // A redraw (the feed saying the conversation changed) keeps what staff were typing, and the cursor in it.
    const previous = detail.dataset.conversation === c.id ? detail.querySelector('#reply-text') : null;
    const draft = previous?.value ?? '';
    const typing = previous !== null && document.activeElement === previous;
    const textarea = h('textarea', { id: 'reply-text', name: 'text', rows: 2, maxlength: 2000, 'aria-describedby': 'reply-hint' });
    textarea.value = draft;
    // Ctrl+Enter (⌘+Enter on a Mac) sends from the box; Enter alone is a new line, as in most chat consoles.
    textarea.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
      event.preventDefault();
      textarea.form?.requestSubmit();
    });
    const fileInput = h('input', { type: 'file', id: 'reply-file', name: 'file', class: 'visually-hidden', tabindex: '-1' });
    // A redraw (the take finishing, the feed) keeps an error staff have not dealt with yet, such as a refused file.
    const previousError = detail.dataset.conversation === c.id ? (detail.querySelector('#reply-error')?.textContent ?? '') : '';
    const error = h('p', { class: 'form-error', role: 'alert', id: 'reply-error' }, previousError);
    // What an upload or a send says goes to the form on screen, even when a redraw replaced the one it started from.
    const showError = (message) => {
      const shown = detail.dataset.conversation === c.id ? detail.querySelector('#reply-error') : null;
      (shown ?? error).textContent = message;
    };
    const mine = holdsIt();
    const heldByOther = c.state === 'live' && !mine;
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      const form = new FormData();
      form.append('file', file);
      showError('');
      try {
        await api('POST', `/api/live/${encodeURIComponent(c.id)}/files`, form);
        announce(t('live.sent.file', { name: file.name }));
        await Promise.all([loadQueue(), loadTranscript()]);
      } catch (cause) {
        showError(cause.message);
      }
      fileInput.value = '';
    });
    const take = async () => {
      try {
        await post(`/api/live/${encodeURIComponent(c.id)}/take`);
        await loadQueue();
        drawDetail();
        say(t('live.taken', { id: c.id }));
        detail.querySelector('#reply-text')?.focus();
      } catch (cause) {
        say(cause.message, true);
      }
    };
    const release = async () => {
      try {
        await post(`/api/live/${encodeURIComponent(c.id)}/release`);
        say(t('live.released', { id: c.id }));
        navigate('live');
      } catch (cause) {
        say(cause.message, true);
      }
    };
    replace(
      detail,
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'conv-h' },
        h(
          'div',
          { class: 'page-head' },
          h('h2', { id: 'conv-h' }, t('live.resident', { id: c.id })),
          stateBadge(c),
          dangerBadges(c),
          h(
            'span',
            { class: 'page-head__aside' },
            c.state === 'waiting' ? h('button', { type: 'button', class: 'btn btn--primary', onclick: take }, t('live.take')) : null,
            mine ? h('button', { type: 'button', class: 'btn', onclick: release }, t('live.release')) : null,
          ),
        ),
        (c.cases ?? []).length
          ? h(
              'div',
              { class: 'live-cases' },
              h('span', { class: 'live-cases__label' }, t('live.cases')),
              h(
                'ul',
                {},
                (c.cases ?? []).map((k) => h('li', {}, ...caseLine(k))),
              ),
            )
          : null,
        status,
        h('div', { id: 'transcript', class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': t('live.transcript'), tabindex: '0' }),
        heldByOther
          ? h('p', { class: 'muted' }, t('live.held_note', { name: c.holder ?? '' }))
          : h(
              'form',
              {
                class: 'reply',
                onsubmit: async (e) => {
                  e.preventDefault();
                  // A second press while the first is on its way sends nothing more (a double click, an impatient Ctrl+Enter).
                  const form = e.currentTarget;
                  if (form.dataset.sending) return;
                  error.textContent = '';
                  const text = textarea.value.trim();
                  if (!text) {
                    textarea.setAttribute('aria-invalid', 'true');
                    error.textContent = t('console.error.empty_text');
                    textarea.focus();
                    return;
                  }
                  textarea.removeAttribute('aria-invalid');
                  form.dataset.sending = 'true';
                  form.setAttribute('aria-busy', 'true');
                  try {
                    await post(`/api/live/${encodeURIComponent(c.id)}/messages`, { text });
                    textarea.value = '';
                    delete form.dataset.sending;
                    form.removeAttribute('aria-busy');
                    announce(t('live.sent'));
                    const wasWaiting = c.state === 'waiting';
                    await loadQueue();
                    if (wasWaiting) drawDetail();
                    await loadTranscript();
                    detail.querySelector('#reply-text')?.focus();
                  } catch (cause) {
                    delete form.dataset.sending;
                    form.removeAttribute('aria-busy');
                    showError(cause.message);
                  }
                },
              },
              h('label', { for: 'reply-text', class: 'reply__label' }, t('live.reply')),
              h(
                'div',
                { class: 'reply__row' },
                textarea,
                h(
                  'div',
                  { class: 'reply__buttons' },
                  h('button', { type: 'submit', class: 'btn btn--primary' }, t('live.send')),
                  h('button', { type: 'button', class: 'btn', onclick: () => fileInput.click() }, t('live.send_file')),
                  fileInput,
                ),
              ),
              h('p', { class: 'field__hint', id: 'reply-hint' }, mine ? t('live.reply_hint') : t('live.reply_takes')),
              error,
              cannedButtons(textarea),
            ),
      ),
    );
    detail.dataset.conversation = c.id;
    if (typing && textarea.isConnected) textarea.focus();
    lastMessages = [];
    loadTranscript().catch((cause) => say(cause.message, true));
  }

  function say(text, isError = false) {
    status.textContent = text;
    status.className = isError ? 'form-error' : 'form-info';
    announce(text);
  }

  await Promise.all([loadQueue(), loadCanned()]);
  drawDetail();
  // The waits grow while the page is open, without any event.
  const waits = setInterval(tickWaits, 30_000);

  let timer = 0;
  const unsubscribe = subscribe((event) => {
    if (event.type === 'live.message' && event.id === selectedId) {
      loadTranscript().catch(() => {});
      return;
    }
    if (['live.requested', 'live.changed', 'danger'].includes(event.type)) {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const before = conversation()?.state;
        const holderBefore = conversation()?.holderAccountId;
        await loadQueue().catch(() => {});
        if (event.type === 'live.requested') announce(t('live.announce.requested'));
        if (event.type === 'danger') announce(t('live.announce.danger', { kind: event.label ?? labelOf('console.danger.', event.kind) }));
        if (conversation()?.state !== before || conversation()?.holderAccountId !== holderBefore) drawDetail();
      }, 100);
    }
  });

  const node = h(
    'section',
    { 'aria-labelledby': 'live-heading' },
    h('div', { class: 'page-head' }, h('h1', { id: 'live-heading' }, t('live.heading'))),
    alertsBox,
    h('div', { class: 'live-grid' }, queueBox, detail),
    // Below the residents waiting now: a week of numbers must not push them off the screen.
    callbacksBox,
  );
  return {
    title: t('live.heading'),
    node,
    dispose: () => {
      unsubscribe();
      clearTimeout(timer);
      clearInterval(waits);
    },
  };
}
