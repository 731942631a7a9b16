// The small coloured markers of a case or a conversation; each carries its meaning in words, not only colour.
import { h } from './dom.js';
import { t } from './i18n.js';

/** Do not call / call only at set times / urgent / same-day / overdue / due today / files received / applicant's note / not notified markers of a case. */
export function caseBadges(c) {
  return h(
    'span',
    { class: 'badges' },
    // The resident said it is not safe to phone or text them: first, wherever staff might pick up the phone.
    c.doNotCall ? h('span', { class: 'badge badge--do-not-call' }, t('case.badge.do_not_call')) : null,
    c.callTimesOnly ? h('span', { class: 'badge badge--call-times' }, t('case.badge.call_times')) : null,
    c.overdue ? h('span', { class: 'badge badge--overdue' }, t('case.badge.overdue')) : null,
    c.dueToday ? h('span', { class: 'badge badge--due-today' }, t('case.badge.due_today')) : null,
    c.urgent ? h('span', { class: 'badge badge--urgent' }, t('case.badge.urgent')) : null,
    c.sameDay ? h('span', { class: 'badge badge--same-day' }, t('case.badge.same_day')) : null,
    // Files the resident sent since staff asked for materials: the case has something to look at.
    c.newFiles ? h('span', { class: 'badge badge--new-files' }, t('case.badge.new_files', { count: c.newFiles })) : null,
    // The applicant left staff a note in the chat that no one has opened the case to read yet.
    c.residentNotes ? h('span', { class: 'badge badge--resident-note' }, t('case.badge.resident_note')) : null,
    // A notice the resident's channel holds (WeChat's 48-hour rule): the case page says what to do.
    c.undelivered ? h('span', { class: 'badge badge--undelivered' }, t('case.badge.undelivered')) : null,
  );
}

export function statusBadge(c) {
  return h('span', { class: 'badge badge--status' }, c.statusLabel ?? t(`console.status.${c.status}`));
}
