// Knowledge base for operators: entries with search and review-by markers; an entry's Chinese and
// English side by side; "试一试" shows exactly what the bot would answer; history with revert;
// unanswered questions grouped with counts, turned into a new entry or a phrasing of one.
import { get, post, put, query } from '../lib/api.js';
import { invalid, openDialog } from '../lib/dialog.js';
import { field, h, replace, select } from '../lib/dom.js';
import { subscribe } from '../lib/feed.js';
import { dateTime, locale, localized, t } from '../lib/i18n.js';

const LANGS = [
  ['zh-CN', 'kb.lang.zh'],
  ['en', 'kb.lang.en'],
];
/** Per-language fields: [name, kind] — a list is edited one item per line. */
const LOCALIZED = [
  ['title', 'line'],
  ['questions', 'list'],
  ['answer', 'text'],
  ['nextSteps', 'list'],
  ['basis', 'line'],
  ['contact', 'line'],
];

let search = '';
/** A draft made from an unanswered question, opened at #/kb/new. */
let draft = null;

const titleOf = (entry) => localized(entry.title ?? entry.question, entry.id);

export async function render({ params, navigate, announce, isCurrent }) {
  const selected = params[0] ?? null;
  const listBox = h('div');
  const side = h('div');
  /** Entries' titles by id, as the list last showed them: 试一试 names the entry it answered with by its title. */
  const titles = new Map();
  /** Whether the editor holds changes not yet saved (试一试 answers with what is published). */
  let unsaved = () => false;

  async function loadList() {
    const answer = await get(`/api/kb/entries${query({ q: search })}`);
    if (!isCurrent()) return;
    const entries = answer.entries ?? [];
    for (const e of entries) titles.set(e.id, titleOf(e));
    replace(
      listBox,
      h('p', { class: 'muted', role: 'status' }, t('kb.count', { count: entries.length })),
      entries.length === 0 ? h('p', { class: 'empty' }, search ? t('kb.none_found', { q: search }) : t('kb.none')) : null,
      h(
        'ul',
        { class: 'kb-list' },
        entries.map((e) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/kb/${encodeURIComponent(e.id)}`, 'aria-current': e.id === selected ? 'page' : null },
              titleOf(e),
              e.reviewDue ? h('span', { class: 'badge badge--due-today' }, t('kb.review_due')) : null,
              e.newerShipped ? h('span', { class: 'badge badge--status' }, t('kb.shipped.badge')) : null,
              h('br'),
              h('span', { class: 'muted' }, e.id, e.reviewBy ? ` · ${t('kb.review_by', { date: e.reviewBy })}` : ''),
            ),
          ),
        ),
      ),
    );
  }

  const searchInput = h('input', { type: 'search', name: 'q', value: search, autocomplete: 'off' });
  const searchForm = h(
    'form',
    {
      role: 'search',
      class: 'filters',
      onsubmit: async (e) => {
        e.preventDefault();
        search = searchInput.value.trim();
        await loadList();
      },
    },
    field(t('kb.search'), searchInput, t('kb.search_hint')),
    h('button', { type: 'submit', class: 'btn' }, t('page.search')),
  );

  // ---- the editor ---------------------------------------------------------------------------------
  function editor(entry, isNew) {
    const controls = new Map();
    const errors = new Map();
    const control = (path, kind, value) => {
      const id = `kb-${path.replace(/[^\w-]/g, '-')}`;
      const el =
        kind === 'line' || kind === 'csv' || kind === 'date'
          ? h('input', { type: 'text', id, name: path, value: value ?? '', ...(kind === 'date' ? { inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}' } : {}) })
          : h('textarea', { id, name: path, rows: kind === 'list' ? 6 : 5, value: value ?? '' });
      const error = h('p', { class: 'field-error', id: `${id}-error` });
      // Texts a resident reads may hold placeholders: the note that explains them is read out with each.
      el.setAttribute('aria-describedby', path.includes('.') ? `${id}-error kb-placeholders` : `${id}-error`);
      controls.set(path, { el, kind });
      errors.set(path, error);
      return { el, error };
    };
    const labelled = (path, labelText, kind, value, hint) => {
      const { el, error } = control(path, kind, value);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: el.id }, labelText),
        hint ? h('p', { class: 'field__hint' }, hint) : null,
        el,
        error,
      );
    };
    const columns = LANGS.map(([lang, labelKey]) =>
      h(
        'fieldset',
        { lang },
        h('legend', {}, t(labelKey)),
        LOCALIZED.map(([name, kind]) => {
          const value = entry[name]?.[lang];
          return labelled(`${name}.${lang}`, t(`kb.field.${name}`), kind, Array.isArray(value) ? value.join('\n') : value, kind === 'list' ? t('kb.one_per_line') : null);
        }),
      ),
    );
    const general = h('p', { class: 'form-error', role: 'alert' });
    let published = null;
    const saved = h('p', { class: 'form-info', role: 'status' });
    const idInput = isNew ? labelled('id', t('kb.field.id'), 'line', entry.id, t('kb.field.id_hint')) : null;

    function collect() {
      const next = { ...entry };
      if (isNew) next.id = controls.get('id').el.value.trim();
      for (const [name, kind] of LOCALIZED) {
        next[name] = {};
        for (const [lang] of LANGS) {
          const raw = controls.get(`${name}.${lang}`).el.value;
          next[name][lang] = kind === 'list' ? raw.split('\n').map((s) => s.trim()).filter(Boolean) : raw.trim();
        }
      }
      const csv = (path) => controls.get(path).el.value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
      next.tags = csv('tags');
      next.related = csv('related');
      const review = controls.get('reviewBy').el.value.trim();
      if (review) next.reviewBy = review;
      else delete next.reviewBy;
      return next;
    }

    function showErrors(fields) {
      let first = null;
      for (const [path, error] of errors) {
        const message = fields?.[path] ?? '';
        error.textContent = message;
        const { el } = controls.get(path);
        if (message) {
          el.setAttribute('aria-invalid', 'true');
          first ??= el;
        } else el.removeAttribute('aria-invalid');
      }
      const unplaced = Object.entries(fields ?? {}).filter(([path]) => !errors.has(path));
      return { first, unplaced };
    }

    const form = h(
      'form',
      {
        novalidate: true,
        'aria-labelledby': 'kb-edit-h',
        onsubmit: async (e) => {
          e.preventDefault();
          general.textContent = '';
          saved.textContent = '';
          const next = collect();
          try {
            const answer = isNew ? await post('/api/kb/entries', { entry: next }) : await put(`/api/kb/entries/${encodeURIComponent(entry.id)}`, { entry: next });
            showErrors({});
            published = JSON.stringify(collect());
            draft = null;
            const message = t('kb.saved', { title: titleOf(next), version: answer?.version ?? '' });
            announce(message);
            if (isNew) {
              navigate(`kb/${encodeURIComponent(next.id)}`);
              return;
            }
            saved.textContent = message;
            await Promise.all([loadList(), loadHistory()]);
          } catch (cause) {
            const { first, unplaced } = showErrors(cause.body?.error?.fields);
            general.textContent = [cause.message, ...unplaced.map(([, message]) => message)].join(' ');
            (first ?? general).focus?.();
          }
        },
      },
      idInput,
      h('p', { class: 'field__hint', id: 'kb-placeholders' }, t('kb.placeholders')),
      h('div', { class: 'side-by-side' }, columns),
      labelled('tags', t('kb.field.tags'), 'csv', (entry.tags ?? []).join(', '), t('kb.comma')),
      labelled('related', t('kb.field.related'), 'csv', (entry.related ?? []).join(', '), t('kb.comma')),
      labelled('reviewBy', t('kb.field.reviewBy'), 'date', entry.reviewBy ?? '', t('kb.field.reviewBy_hint')),
      general,
      saved,
      h('button', { type: 'submit', class: 'btn btn--primary' }, t('kb.save')),
    );
    general.tabIndex = -1;
    published = JSON.stringify(collect());
    unsaved = () => form.isConnected && JSON.stringify(collect()) !== published;
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'kb-edit-h' },
      h('h2', { id: 'kb-edit-h' }, isNew ? t('kb.new') : t('kb.edit', { title: titleOf(entry) })),
      form,
    );
  }

  // ---- 试一试 --------------------------------------------------------------------------------------
  function tryBox() {
    const question = h('input', { type: 'text', name: 'question', autocomplete: 'off' });
    const lang = select(LANGS.map(([l, k]) => [l, t(k)]), locale(), { name: 'locale' });
    const out = h('div', { 'aria-live': 'polite', id: 'kb-try-answer' });
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'kb-try-h' },
      h('h2', { id: 'kb-try-h' }, t('kb.try')),
      h('p', { class: 'field__hint' }, t('kb.try.explain')),
      h(
        'form',
        {
          class: 'filters',
          onsubmit: async (e) => {
            e.preventDefault();
            if (!question.value.trim()) {
              question.setAttribute('aria-invalid', 'true');
              replace(out, h('p', { class: 'form-error' }, t('console.error.empty_text')));
              question.focus();
              return;
            }
            question.removeAttribute('aria-invalid');
            try {
              const answer = await post('/api/kb/try', { question: question.value.trim(), locale: lang.value });
              // The bot's replies, rendered as the resident would get them (text and buttons).
              const replies = answer.replies ?? (answer.answer ? [answer.answer] : []);
              replace(
                out,
                unsaved() ? h('p', { class: 'form-info' }, t('kb.try.unsaved')) : null,
                h('p', { class: 'muted' }, t(`kb.band.${answer.band}`), answer.topic ? ` · ${titles.get(answer.topic) ?? answer.topic}` : answer.match ? ` · ${titles.get(answer.match.id) ?? answer.match.id}` : ''),
                replies.map((reply) =>
                  h(
                    'div',
                    { class: 'try-answer', lang: lang.value },
                    reply.text ?? '',
                    (reply.choices ?? []).length
                      ? h('ul', { class: 'badges', 'aria-label': t('kb.try.choices') }, reply.choices.map((c) => h('li', { class: 'badge badge--status' }, c.label ?? c.text ?? c.id)))
                      : null,
                  ),
                ),
              );
            } catch (cause) {
              replace(out, h('p', { class: 'form-error' }, cause.message));
            }
          },
        },
        field(t('kb.try.question'), question),
        field(t('kb.try.locale'), lang),
        h('button', { type: 'submit', class: 'btn' }, t('kb.try.ask')),
      ),
      out,
    );
  }

  // ---- a newer shipped version beside the operator's edit -------------------------------------------
  /** The fields where two versions differ, each as [label, ours, shipped] (lists one item per line). */
  function differences(ours, shipped) {
    const text = (v) => (Array.isArray(v) ? v.join('\n') : (v ?? ''));
    const rows = [];
    for (const [name] of LOCALIZED) {
      for (const [lang, langKey] of LANGS) {
        const a = text(ours[name]?.[lang]);
        const b = text(shipped[name]?.[lang]);
        if (a !== b) rows.push({ label: `${t(`kb.field.${name}`)}（${t(langKey)}）`, lang, a, b });
      }
    }
    for (const name of ['tags', 'related', 'reviewBy']) {
      const a = Array.isArray(ours[name]) ? ours[name].join(', ') : (ours[name] ?? '');
      const b = Array.isArray(shipped[name]) ? shipped[name].join(', ') : (shipped[name] ?? '');
      if (a !== b) rows.push({ label: t(`kb.field.${name}`), lang: null, a, b });
    }
    return rows;
  }

  function shippedPanel(entry, shipped) {
    const compare = h('div', { id: 'kb-shipped-compare', hidden: true });
    const toggle = h('button', { type: 'button', class: 'btn btn--small', 'aria-expanded': 'false', 'aria-controls': 'kb-shipped-compare' }, t('kb.shipped.compare'));
    toggle.onclick = () => {
      const open = compare.hidden;
      if (open && !compare.firstChild) {
        const rows = differences(entry, shipped.entry);
        replace(
          compare,
          rows.map((row) =>
            h(
              'div',
              { class: 'compare-field' },
              h('h3', {}, row.label),
              h(
                'div',
                { class: 'compare-pair' },
                h('div', {}, h('h4', {}, t('kb.shipped.ours')), h('p', { class: 'compare-text', lang: row.lang }, row.a || t('kb.shipped.empty'))),
                h('div', {}, h('h4', {}, t('kb.shipped.theirs')), h('p', { class: 'compare-text', lang: row.lang }, row.b || t('kb.shipped.empty'))),
              ),
            ),
          ),
        );
      }
      compare.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? t('kb.shipped.compare_hide') : t('kb.shipped.compare');
    };
    const take = h(
      'button',
      {
        type: 'button',
        class: 'btn btn--small btn--primary',
        onclick: async () => {
          const ok = await openDialog({
            title: t('kb.shipped.take_confirm'),
            fields: [h('p', {}, t('kb.shipped.take_explain'))],
            confirmLabel: t('kb.shipped.take'),
            onConfirm: async () => post(`/api/kb/entries/${encodeURIComponent(entry.id)}/shipped`),
          });
          if (ok) {
            announce(t('kb.shipped.taken'));
            navigate(`kb/${encodeURIComponent(entry.id)}`);
          }
        },
      },
      t('kb.shipped.take'),
    );
    const keep = h(
      'button',
      {
        type: 'button',
        class: 'btn btn--small',
        onclick: async () => {
          try {
            await post(`/api/kb/entries/${encodeURIComponent(entry.id)}/keep-own`);
            announce(t('kb.shipped.kept'));
            navigate(`kb/${encodeURIComponent(entry.id)}`);
          } catch (cause) {
            replace(error, cause.message);
          }
        },
      },
      t('kb.shipped.keep'),
    );
    const error = h('p', { class: 'form-error', role: 'alert' });
    return h(
      'section',
      { class: 'panel panel--shipped', 'aria-labelledby': 'kb-shipped-h' },
      h('h2', { id: 'kb-shipped-h' }, t('kb.shipped.heading')),
      h('p', {}, t('kb.shipped.explain', { date: dateTime(shipped.receivedAt) })),
      h('div', { class: 'btn-row' }, toggle, take, keep),
      error,
      compare,
    );
  }

  // ---- history -------------------------------------------------------------------------------------
  const historyBox = h('section', { class: 'panel', 'aria-labelledby': 'kb-hist-h' });
  async function loadHistory() {
    if (!selected || selected === 'new' || selected === 'unanswered') return;
    const answer = await get(`/api/kb/entries/${encodeURIComponent(selected)}/history`);
    const versions = answer.versions ?? [];
    replace(
      historyBox,
      h('h2', { id: 'kb-hist-h' }, t('kb.history')),
      versions.length
        ? h(
            'ol',
            { class: 'timeline', reversed: true },
            versions.map((v, i) =>
              h(
                'li',
                {},
                h('strong', {}, t('kb.version', { version: v.version })),
                ' · ',
                v.author ?? t('console.system'),
                ' ',
                h('time', {}, dateTime(v.at)),
                v.action === 'ship' ? h('span', { class: 'badge badge--status' }, t('kb.history.shipped')) : null,
                v.summary ? h('div', { class: 'muted' }, v.summary) : null,
                i === 0
                  ? h('div', { class: 'muted' }, t('kb.current'))
                  : h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn btn--small',
                        onclick: async () => {
                          const ok = await openDialog({
                            title: t('kb.revert.confirm', { version: v.version }),
                            fields: [h('p', {}, t('kb.revert.explain'))],
                            confirmLabel: t('kb.revert'),
                            onConfirm: async () => post(`/api/kb/entries/${encodeURIComponent(selected)}/revert`, { version: v.version }),
                          });
                          if (ok) {
                            announce(t('kb.reverted', { version: v.version }));
                            navigate(`kb/${encodeURIComponent(selected)}`);
                          }
                        },
                      },
                      t('kb.revert'),
                    ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('kb.history.none')),
    );
  }

  // ---- unanswered ----------------------------------------------------------------------------------
  async function unanswered() {
    const [answer, list] = await Promise.all([get('/api/kb/unanswered'), get('/api/kb/entries')]);
    const groups = answer.groups ?? [];
    const entries = list.entries ?? [];
    const nearestOf = (g) => (g.nearest ? entries.find((e) => e.id === g.nearest) : undefined);
    return h(
      'section',
      { class: 'panel', 'aria-labelledby': 'kb-un-h' },
      h('h2', { id: 'kb-un-h' }, t('kb.unanswered')),
      h('p', { class: 'muted' }, t('kb.unanswered.explain')),
      groups.length
        ? h(
            'ul',
            { class: 'groups' },
            groups.map((g) =>
              h(
                'li',
                {},
                h('strong', { lang: g.locale }, g.sample),
                ' ',
                h('span', { class: 'badge badge--status' }, t('kb.unanswered.count', { count: g.count })),
                g.lastAt ? h('span', { class: 'muted' }, ' ', t('kb.unanswered.last', { time: dateTime(g.lastAt) })) : null,
                (g.questions ?? []).length > 1 ? h('ul', { class: 'reasons muted' }, g.questions.slice(0, 5).map((q) => h('li', { lang: g.locale }, q.text ?? q))) : null,
                nearestOf(g) ? h('p', { class: 'muted' }, t('kb.unanswered.nearest', { title: titleOf(nearestOf(g)) })) : null,
                h(
                  'div',
                  { class: 'btn-row' },
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'btn btn--small',
                      onclick: async () => {
                        const made = await post(`/api/kb/unanswered/${encodeURIComponent(g.id)}/new-entry`);
                        draft = made.draft ?? made.entry ?? made;
                        navigate('kb/new');
                      },
                    },
                    t('kb.unanswered.new'),
                  ),
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'btn btn--small',
                      onclick: () => {
                        // The entry the bot found closest comes chosen: the operator confirms or changes it.
                        const choice = select([['', t('case.field.choose')], ...entries.map((e) => [e.id, `${titleOf(e)} (${e.id})`])], nearestOf(g)?.id ?? '', { name: 'entryId' });
                        return openDialog({
                          title: t('kb.unanswered.phrasing_of', { question: g.sample }),
                          fields: [field(t('kb.unanswered.entry'), choice)],
                          confirmLabel: t('kb.unanswered.add'),
                          onConfirm: async (form) => {
                            const entryId = form.elements.entryId.value;
                            if (!entryId) throw invalid(choice, t('kb.unanswered.choose'));
                            await post(`/api/kb/unanswered/${encodeURIComponent(g.id)}/add-phrasing`, { entryId });
                            announce(t('kb.unanswered.added', { id: entryId }));
                            navigate('kb/unanswered');
                          },
                        });
                      },
                    },
                    t('kb.unanswered.phrasing'),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('kb.unanswered.none')),
    );
  }

  await loadList();
  if (selected === 'unanswered') replace(side, await unanswered());
  else if (selected === 'new') replace(side, draft ? editor(draft, true) : h('p', {}, t('kb.choose')));
  else if (selected) {
    const answer = await get(`/api/kb/entries/${encodeURIComponent(selected)}`).catch((error) => ({ error }));
    if (answer.error) replace(side, h('p', { class: 'alert', role: 'alert' }, answer.error.message));
    else {
      replace(side, answer.shipped ? shippedPanel(answer.entry, answer.shipped) : null, editor(answer.entry, false), historyBox);
      await loadHistory().catch(() => {});
    }
  } else replace(side, h('section', { class: 'panel' }, h('p', { class: 'muted' }, t('kb.choose'))));

  const unsubscribe = subscribe((event) => {
    if (event.type === 'kb.changed') loadList().catch(() => {});
  });

  const node = h(
    'section',
    { 'aria-labelledby': 'kb-heading' },
    h(
      'div',
      { class: 'page-head' },
      h('h1', { id: 'kb-heading' }, t('kb.heading')),
      h(
        'nav',
        { class: 'page-head__aside', 'aria-label': t('kb.sections') },
        h('a', { class: 'btn btn--small', href: '#/kb', 'aria-current': !selected ? 'page' : null }, t('kb.entries')),
        h('a', { class: 'btn btn--small', href: '#/kb/unanswered', 'aria-current': selected === 'unanswered' ? 'page' : null }, t('kb.unanswered')),
      ),
    ),
    // 试一试 stays beside the editor, under the list, so an operator sees the bot's answer while editing.
    h('div', { class: 'kb-grid' }, h('div', {}, h('section', { class: 'panel', 'aria-label': t('kb.entries') }, searchForm, listBox), tryBox()), side),
  );
  // The frame asks before leaving an editor whose changes are not saved (another entry, another page, closing the tab).
  return { title: t('kb.heading'), node, dispose: unsubscribe, unsaved: () => unsaved() };
}
