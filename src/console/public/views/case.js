// The case page: what the resident told us, the bot's preliminary decision, files, history, notes, and
// the actions staff take. Every action's result is announced and shown beside the buttons.
import { get, post } from '../lib/api.js';
import { caseBadges, statusBadge } from '../lib/badges.js';
import { invalid, openDialog } from '../lib/dialog.js';
import { field, h, replace, select } from '../lib/dom.js';
import { subscribe } from '../lib/feed.js';
import { date, dateTime, labelOf, locale, localized, sentences, t } from '../lib/i18n.js';

const fileSize = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function facts(rows) {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(Boolean).flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? t('page.none'))]),
  );
}

function panel(id, title, ...children) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/**
 * An action dialog the session's end closed: reopened with what was typed when the same account signs in
 * again and comes back to the case (a refusal's reason is not lost to a phone call).
 */
let interrupted = null;

/** The values typed or ticked in a dialog's form, by field name. */
function formValues(form) {
  const values = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') (values[el.name] ??= []).push(...(el.checked ? [el.value] : []));
    else values[el.name] = el.value;
  }
  return values;
}

function fillForm(form, values) {
  for (const el of form.elements) {
    if (!el.name || !(el.name in values)) continue;
    if (el.type === 'checkbox') el.checked = values[el.name].includes(el.value);
    else el.value = values[el.name];
  }
}

export async function render({ account, params, announce, isCurrent }) {
  const ref = params[0] ?? '';
  let data;
  try {
    data = await get(`/api/cases/${encodeURIComponent(ref)}`);
  } catch (error) {
    const node = h(
      'section',
      { 'aria-labelledby': 'case-heading' },
      h('h1', { id: 'case-heading' }, ref),
      h('p', { class: 'alert', role: 'alert' }, error.message),
      h('p', {}, h('a', { href: '#/inbox' }, t('case.back'))),
    );
    return { title: ref, node };
  }
  const me = await get('/api/me').catch(() => ({}));
  const root = h('div');
  const result = h('p', { class: 'form-info', role: 'status', tabindex: '-1', id: 'case-result' });

  function show(next) {
    data = next;
    replace(root, page(data.case, data.allowedActions ?? []));
  }

  /** Posts an action; shows and announces what happened, including whether the resident was told. */
  async function act(action, body, doneKey) {
    const answer = await post(`/api/cases/${encodeURIComponent(ref)}/${action}`, body);
    show(answer.case ? answer : await get(`/api/cases/${encodeURIComponent(ref)}`));
    const notice = answer.notice === 'sent' ? t('case.notice.sent') : answer.notice === 'not_sent_unsafe' ? t('case.notice.unsafe') : '';
    const text = sentences([t(doneKey, { ref }), notice]);
    // A success after a refusal reads as one, not in the refusal's red.
    result.classList.remove('form-error');
    result.textContent = text;
    announce(text);
    result.focus();
  }

  /** The action a button without a dialog started, while it is on its way: a second press (a double click) waits for it. */
  let pressed = null;
  async function plain(action, doneKey) {
    if (pressed) return;
    pressed = action;
    try {
      await act(action, {}, doneKey);
    } catch (error) {
      result.textContent = error.message;
      result.classList.add('form-error');
      result.focus();
    } finally {
      pressed = null;
    }
  }

  const dialogFor = (action, options) =>
    openDialog({ ...options, onInterrupted: (form) => (interrupted = { accountId: account.id, ref, action, values: formValues(form) }) });

  const noteField = (label = t('case.field.note'), hint = undefined) => field(label, h('textarea', { name: 'note', rows: 3 }), hint);
  // What staff type in these fields reaches the resident word for word: say so when the resident reads English.
  const toResident = (hint) => [hint, data.case.locale === 'en' ? t('case.field.resident_reads_english') : ''].filter(Boolean).join(locale() === 'en' ? ' ' : '') || undefined;
  const value = (form, name) => (form.elements[name]?.value ?? '').trim();
  // The note of 批准, 转交 and 结案 is sent to the resident after 说明: said on the field, apart from 内部备注.
  const residentNoteField = () => noteField(t('case.field.note_resident'), toResident(t('case.field.note_resident_hint')));

  const ACTIONS = {
    claim: () => plain('claim', 'case.done.claim'),
    'materials-received': () => plain('materials-received', 'case.done.materials_received'),
    assign: () => {
      const colleagues = (me.colleagues ?? []).filter((c) => !c.office || !data.case.office || c.office === data.case.office);
      const choice = select([['', t('case.field.choose')], ...colleagues.map((c) => [c.id, c.displayName ? `${c.displayName} (${c.username})` : c.username])], '', { name: 'accountId', required: true });
      return dialogFor('assign', {
        title: t('case.dialog.assign', { ref }),
        fields: [field(t('case.field.colleague'), choice)],
        confirmLabel: t('console.action.assign'),
        onConfirm: async (form) => {
          if (!value(form, 'accountId')) throw invalid(choice, t('case.error.colleague'));
          await act('assign', { accountId: Number(value(form, 'accountId')) }, 'case.done.assign');
        },
      });
    },
    'request-materials': () => {
      const suggested = new Set((data.case.decision?.documents ?? []).map((d) => d.id));
      // The documents this case needs first (ticked), then the rest of the pack's, so none is hunted for in a long list.
      const all = me.documents?.length ? me.documents : data.case.decision?.documents ?? [];
      const documents = [...all.filter((d) => suggested.has(d.id)), ...all.filter((d) => !suggested.has(d.id))];
      const boxes = documents.map((d) =>
        h('label', {}, h('input', { type: 'checkbox', name: 'documents', value: d.id, checked: suggested.has(d.id) }), localized(d.label, d.id)),
      );
      const group = h('fieldset', { class: 'checks' }, h('legend', {}, t('case.field.documents')), boxes);
      return dialogFor('request-materials', {
        title: t('case.dialog.materials', { ref }),
        fields: [h('p', { class: 'field__hint' }, t('case.dialog.materials_hint')), group, residentNoteField()],
        confirmLabel: t('case.dialog.materials_send'),
        onConfirm: async (form) => {
          const chosen = [...form.querySelectorAll('input[name="documents"]:checked')].map((i) => i.value);
          if (chosen.length === 0) throw invalid(group, t('case.error.documents'));
          await act('request-materials', { documents: chosen, note: value(form, 'note') || undefined }, 'case.done.request_materials');
        },
      });
    },
    accept: () => {
      const lawyers = me.lawyers ?? [];
      const lawyer = h('input', { type: 'text', name: 'lawyer', autocomplete: 'off', list: lawyers.length ? 'lawyer-list' : null, value: data.case.lawyer ?? '' });
      return dialogFor('accept', {
        title: t('case.dialog.accept', { ref }),
        fields: [
          field(t('case.field.lawyer'), lawyer, t('case.field.lawyer_hint')),
          lawyers.length ? h('datalist', { id: 'lawyer-list' }, lawyers.map((l) => h('option', { value: typeof l === 'string' ? l : l.name }))) : null,
          residentNoteField(),
        ],
        confirmLabel: t('console.action.accept'),
        onConfirm: async (form) => {
          if (!value(form, 'lawyer')) throw invalid(lawyer, t('case.error.lawyer'));
          await act('accept', { lawyer: value(form, 'lawyer'), note: value(form, 'note') || undefined }, 'case.done.accept');
        },
      });
    },
    decline: () => {
      const reason = h('textarea', { name: 'reason', rows: 4, required: true });
      return dialogFor('decline', {
        title: t('case.dialog.decline', { ref }),
        fields: [field(t('case.field.reason'), reason, toResident(t('case.field.reason_hint')))],
        confirmLabel: t('console.action.decline'),
        danger: true,
        onConfirm: async (form) => {
          if (!value(form, 'reason')) throw invalid(reason, t('case.error.reason'));
          await act('decline', { reason: value(form, 'reason') }, 'case.done.decline');
        },
      });
    },
    refer: () => {
      const offices = (me.offices ?? []).filter((o) => o.id !== data.case.office);
      const to = select(
        [['', t('case.field.choose')], ...offices.map((o) => [o.id, localized(o.label, o.id)]), ['mediation', t('console.mediation')]],
        '',
        { name: 'to', required: true },
      );
      return dialogFor('refer', {
        title: t('case.dialog.refer', { ref }),
        fields: [field(t('case.field.refer_to'), to), residentNoteField()],
        confirmLabel: t('console.action.refer'),
        onConfirm: async (form) => {
          if (!value(form, 'to')) throw invalid(to, t('case.error.refer'));
          await act('refer', { to: value(form, 'to'), note: value(form, 'note') || undefined }, 'case.done.refer');
        },
      });
    },
    close: () =>
      dialogFor('close', {
        title: t('case.dialog.close', { ref }),
        // Before a decision, a close means the materials never came: the resident is told it counts as withdrawn.
        fields: [data.case.status === 'materials_requested' ? h('p', { class: 'form-info' }, t('case.dialog.close_no_materials')) : null, residentNoteField()],
        confirmLabel: t('console.action.close'),
        onConfirm: async (form) => act('close', { note: value(form, 'note') || undefined }, 'case.done.close'),
      }),
    reopen: () => {
      const reason = h('textarea', { name: 'reason', rows: 3, required: true });
      return dialogFor('reopen', {
        title: t('case.dialog.reopen', { ref }),
        fields: [field(t('case.field.reopen_reason'), reason, toResident(t('case.field.note_resident_hint')))],
        confirmLabel: t('console.action.reopen'),
        onConfirm: async (form) => {
          if (!value(form, 'reason')) throw invalid(reason, t('case.error.reason'));
          await act('reopen', { reason: value(form, 'reason') }, 'case.done.reopen');
        },
      });
    },
  };

  /** Files the resident sent since the materials request, said beside the actions (the inbox's 已收到材料 N 份). */
  function newFilesNote(c) {
    const arrived = (c.attachments ?? []).filter((a) => a.sinceRequest);
    if (!arrived.length) return null;
    const names = arrived.map((a) => a.fileName).join(locale() === 'en' ? ', ' : '、');
    return h(
      'p',
      { class: 'form-info' },
      t('case.new_files', { count: arrived.length, names }),
      ' ',
      h(
        'a',
        {
          href: `#/cases/${encodeURIComponent(ref)}`,
          onclick: (e) => {
            e.preventDefault();
            const files = root.querySelector('section[aria-labelledby="case-files"]');
            files?.scrollIntoView({ block: 'start' });
            files?.focus();
          },
        },
        t('case.new_files.see'),
      ),
    );
  }

  function actionsPanel(allowed, c) {
    const buttons = allowed
      .filter((a) => a in ACTIONS)
      .map((a) =>
        h(
          'button',
          { type: 'button', class: `btn ${a === 'decline' ? 'btn--danger' : a === 'claim' || a === 'accept' ? 'btn--primary' : ''}`, dataset: { action: a }, onclick: () => ACTIONS[a]() },
          t(`console.action.${a.replace(/-/g, '_')}`),
        ),
      );
    const node = panel(
      'case-actions',
      t('case.actions'),
      buttons.length ? h('div', { class: 'actions' }, buttons) : h('p', { class: 'muted' }, t('case.no_actions')),
      newFilesNote(c),
      result,
    );
    node.classList.add('panel--actions');
    return node;
  }

  function notesPanel(c, allowed) {
    const text = h('textarea', { name: 'text', rows: 3 });
    const error = h('p', { class: 'form-error', role: 'alert' });
    const form = allowed.includes('notes')
      ? h(
          'form',
          {
            onsubmit: async (e) => {
              e.preventDefault();
              // A second press while the note is on its way adds nothing (a double click).
              const form = e.currentTarget;
              if (form.dataset.sending) return;
              error.textContent = '';
              if (!text.value.trim()) {
                text.setAttribute('aria-invalid', 'true');
                error.textContent = t('console.error.empty_text');
                text.focus();
                return;
              }
              form.dataset.sending = 'true';
              form.setAttribute('aria-busy', 'true');
              try {
                await post(`/api/cases/${encodeURIComponent(ref)}/notes`, { text: text.value.trim() });
                show(await get(`/api/cases/${encodeURIComponent(ref)}`));
                announce(t('case.done.note'));
                root.querySelector('#case-notes textarea')?.focus();
              } catch (cause) {
                error.textContent = cause.message;
              } finally {
                delete form.dataset.sending;
                form.removeAttribute('aria-busy');
              }
            },
          },
          field(t('case.notes.new'), text, t('case.notes.hint')),
          error,
          h('button', { type: 'submit', class: 'btn' }, t('case.notes.add')),
        )
      : null;
    return h(
      'section',
      { class: 'panel', id: 'case-notes', 'aria-labelledby': 'case-notes-h' },
      h('h2', { id: 'case-notes-h' }, t('case.notes')),
      (c.notes ?? []).length
        ? h(
            'ul',
            { class: 'timeline' },
            c.notes.map((n) =>
              h(
                'li',
                { class: n.fromResident ? 'note note--resident' : 'note' },
                h('strong', {}, n.fromResident ? t('case.notes.from_resident') : n.author),
                ' ',
                h('time', {}, dateTime(n.at)),
                h('p', {}, n.text),
              ),
            ),
          )
        : h('p', { class: 'muted' }, t('case.notes.none')),
      form,
    );
  }

  function attachmentsPanel(c) {
    const viewer = h('div', { id: 'attachment-viewer' });
    const items = (c.attachments ?? []).map((a) => {
      const isImage = a.mimeType?.startsWith('image/');
      const isPdf = a.mimeType === 'application/pdf';
      const open = () => {
        const title = t('case.attachment.viewing', { name: a.fileName });
        replace(
          viewer,
          h(
            'figure',
            { class: 'panel' },
            isImage
              ? h('img', { class: 'viewer-img', src: a.url, alt: a.fileName })
              : h('iframe', { class: 'viewer', src: a.url, title }),
            h('figcaption', {}, title, ' ', h('a', { href: a.downloadUrl, download: a.fileName }, t('page.download'))),
          ),
        );
        announce(title);
      };
      return h(
        'li',
        { class: 'attachment' },
        isImage ? h('img', { src: a.url, alt: '', loading: 'lazy' }) : null,
        h('span', { class: 'attachment__name' }, a.fileName, a.sinceRequest ? [' ', h('span', { class: 'badge badge--status' }, t('case.attachment.new'))] : null),
        h('span', { class: 'muted', title: a.mimeType ?? null }, `${t(`case.attachment.kind.${isImage ? 'image' : isPdf ? 'pdf' : 'other'}`)} · ${fileSize(a.size ?? 0)}`),
        h(
          'span',
          { class: 'btn-row' },
          isImage || isPdf ? h('button', { type: 'button', class: 'btn btn--small', onclick: open, 'aria-controls': 'attachment-viewer' }, t('case.attachment.view')) : null,
          h('a', { class: 'btn btn--small', href: a.downloadUrl, download: a.fileName, 'aria-label': t('case.attachment.download', { name: a.fileName }) }, t('page.download')),
        ),
      );
    });
    const node = panel(
      'case-files',
      t('case.attachments'),
      items.length ? h('ul', { class: 'attachments' }, items) : h('p', { class: 'muted' }, t('case.attachments.none')),
      c.contact?.documentsNote ? h('p', {}, t('case.attachments.said', { note: c.contact.documentsNote })) : null,
      viewer,
    );
    // Reached from the note beside the actions.
    node.tabIndex = -1;
    return node;
  }

  /** Notices the resident has not received (WeChat's 48-hour rule), and whether staff may phone instead. */
  function undeliveredAlert(c) {
    const u = c.undelivered;
    if (!u) return null;
    const contact = c.contact ?? {};
    const instead =
      contact.safety === 'never' || !contact.phone
        ? t('case.undelivered.never')
        : contact.safety === 'times'
          ? t('case.undelivered.times', { times: contact.safeTimes, phone: contact.phone })
          : t('case.undelivered.call', { phone: contact.phone });
    return h(
      'section',
      { class: 'alert undelivered', role: 'alert', 'aria-labelledby': 'case-undelivered-h' },
      h('h2', { id: 'case-undelivered-h' }, t('case.undelivered.heading')),
      h('p', {}, t('case.undelivered', { count: u.count, since: dateTime(u.since), reason: u.reason })),
      h('p', {}, h('strong', {}, instead)),
    );
  }

  function page(c, allowed) {
    const d = c.decision ?? {};
    const contact = c.contact ?? {};
    const safety = contact.safety;
    return h(
      'div',
      {},
      h(
        'div',
        { class: 'page-head' },
        h('h1', { id: 'case-heading' }, t('case.heading', { ref: c.ref })),
        statusBadge(c),
        caseBadges(c),
        h('p', { class: 'page-head__aside' }, h('a', { href: '#/inbox' }, t('case.back'))),
      ),
      h('p', { class: 'lead' }, c.summary ?? ''),
      undeliveredAlert(c),
      h(
        'div',
        { class: 'case-grid' },
        h(
          'div',
          {},
          panel(
            'case-summary',
            t('case.summary'),
            facts([
              [t('case.field.category'), c.categoryLabel ?? c.category],
              [t('case.field.office'), c.officeLabel ?? c.office],
              [t('case.field.region'), c.regionLabel ?? c.region],
              [t('case.field.channel'), labelOf('console.channel.', c.channel)],
              [t('case.field.created'), dateTime(c.createdAt)],
              [t('case.field.due'), c.dueAt ? date(c.dueAt) : c.status === 'materials_requested' ? t('case.field.due_paused') : null],
              [t('case.field.assignee'), c.assigneeName ?? c.assignee ?? t('inbox.unassigned')],
              c.lawyer ? [t('case.field.lawyer'), c.lawyer] : null,
              [t('case.field.locale'), labelOf('case.locale.', c.locale)],
            ]),
          ),
          panel(
            'case-contact',
            t('case.contact'),
            h(
              'p',
              { class: safety === 'never' ? 'safety safety--unsafe' : safety === 'times' ? 'safety safety--times' : 'safety' },
              safety === 'never' ? t('case.contact.unsafe') : safety === 'times' ? t('case.contact.times_only', { times: contact.safeTimes }) : t('case.contact.safe'),
            ),
            facts([
              [t('case.contact.relation'), contact.relationLabel ?? contact.relation],
              // A relative's application: the name is the person needing aid, the phone the relative's — said, so
              // nobody rings the relative's number asking for someone who may be in custody or in hospital.
              [t(contact.relation === 'relative' ? 'case.contact.name_aided' : 'case.contact.name'), contact.name],
              contact.kinship ? [t('case.contact.kinship'), contact.kinship] : null,
              [t(contact.relation === 'relative' ? 'case.contact.phone_relative' : 'case.contact.phone'), contact.phone],
              [t('case.contact.times'), contact.safeTimes],
              [t('case.contact.words'), contact.contactWords],
              [t('case.contact.chat'), contact.chatNotices === false ? t('page.no') : t('page.yes')],
            ]),
          ),
          panel(
            'case-story',
            t('case.answers'),
            c.description ? h('blockquote', { class: 'description', lang: c.locale }, c.description) : null,
            (c.answers ?? []).length ? facts(c.answers.map((a) => [a.label, a.value])) : h('p', { class: 'muted' }, t('case.answers.none')),
          ),
          panel(
            'case-decision',
            t('case.decision'),
            h('p', {}, h('strong', {}, d.outcomeLabel ?? d.outcome ?? t('page.none'))),
            (d.reasons ?? []).length ? [h('h3', {}, t('case.decision.reasons')), h('ul', { class: 'reasons' }, d.reasons.map((r) => h('li', {}, r)))] : null,
            (d.basis ?? []).length ? [h('h3', {}, t('case.decision.basis')), h('ul', { class: 'reasons' }, d.basis.map((b) => h('li', {}, b)))] : null,
            (d.documents ?? []).length ? [h('h3', {}, t('case.decision.documents')), h('ul', { class: 'reasons' }, d.documents.map((x) => h('li', {}, localized(x.label, x.id))))] : null,
            (c.requestedDocuments ?? []).length
              ? [h('h3', {}, t('case.decision.requested')), h('ul', { class: 'reasons' }, c.requestedDocuments.map((x) => h('li', {}, localized(x.label, x.id))))]
              : null,
          ),
          attachmentsPanel(c),
        ),
        h(
          'div',
          {},
          actionsPanel(allowed, c),
          notesPanel(c, allowed),
          panel(
            'case-timeline',
            t('case.timeline'),
            h(
              'ol',
              { class: 'timeline' },
              [...(c.timeline ?? [])].reverse().map((e) =>
                h(
                  'li',
                  {},
                  h('strong', {}, e.actionLabel ?? e.action),
                  ' · ',
                  e.actor,
                  ' ',
                  h('time', {}, dateTime(e.at)),
                  e.details?.lawyer ? h('div', {}, t('case.timeline.lawyer', { lawyer: e.details.lawyer })) : null,
                  e.details?.documents?.length ? h('div', {}, t('case.timeline.documents', { documents: e.details.documents.join(locale() === 'en' ? ', ' : '、') })) : null,
                  e.note ? h('div', { class: 'muted' }, e.note) : null,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  show(data);
  if (interrupted && interrupted.ref === ref && interrupted.accountId === account.id && (data.allowedActions ?? []).includes(interrupted.action)) {
    const { action, values } = interrupted;
    interrupted = null;
    // After the view is on the page (the dialog opens over it).
    setTimeout(() => {
      if (!isCurrent()) return;
      ACTIONS[action]();
      const form = document.querySelector('dialog[open] form');
      if (form) fillForm(form, values);
    }, 0);
  }
  const unsubscribe = subscribe(async (event) => {
    if (event.type !== 'case.changed' || event.ref !== ref) return;
    // A colleague's action or note, or the resident's files after a materials request (the status stays
    // the same then): redraw when anything changed. Our own action has redrawn already, so its echo does nothing.
    try {
      const next = await get(`/api/cases/${encodeURIComponent(ref)}`);
      if (!isCurrent() || document.querySelector('dialog[open]') || JSON.stringify(next) === JSON.stringify(data)) return;
      // Files the resident sent meanwhile are said where the action results are, and read out.
      const had = new Set((data.case.attachments ?? []).map((a) => a.id));
      const arrived = (next.case.attachments ?? []).filter((a) => !had.has(a.id));
      const message = arrived.length ? t('case.files_arrived', { names: arrived.map((a) => a.fileName).join(locale() === 'en' ? ', ' : '、') }) : result.textContent;
      // A note being typed survives the redraw.
      const typing = root.querySelector('#case-notes textarea');
      const draft = typing?.value ?? '';
      const focused = typing !== null && document.activeElement === typing;
      show(next);
      result.textContent = message;
      if (arrived.length) announce(message);
      const again = root.querySelector('#case-notes textarea');
      if (again && draft) again.value = draft;
      if (again && focused) again.focus();
    } catch {
      // The next event or a reload shows it.
    }
  });
  // A note typed and not yet added: the frame asks before leaving the page.
  const unsaved = () => Boolean(root.querySelector('#case-notes textarea')?.value.trim());
  return { title: t('case.heading', { ref }), node: root, dispose: unsubscribe, unsaved };
}
