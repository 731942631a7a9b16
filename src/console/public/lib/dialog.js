// A modal form in a native <dialog>: the browser traps focus, Escape cancels, focus returns to the opener.
import { h } from './dom.js';
import { t } from './i18n.js';

/** What closes every open dialog when the session ends (the sign-in form must be usable). */
export const SESSION_ENDED = 'session-ended';

/** Closes open dialogs because the session ended; each one's `onInterrupted` keeps what was typed. */
export function closeDialogsForSignIn() {
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close(SESSION_ENDED);
}

/** Closes open dialogs because staff left their page (the browser's or the phone's back): nothing is sent. */
export function closeDialogsForNavigation() {
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close('cancel');
}

/**
 * Opens a dialog titled `title` with `fields` and a confirm button; `onConfirm(form)` may throw an Error
 * whose message is shown in the dialog (the dialog stays open). Resolves true when confirmed.
 * `onInterrupted(form)` is called when the session ends with the dialog open.
 */
export function openDialog({ title, fields, confirmLabel, danger = false, onConfirm, onInterrupted }) {
  return new Promise((resolve) => {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const confirm = h('button', { type: 'submit', class: `btn ${danger ? 'btn--danger' : 'btn--primary'}` }, confirmLabel ?? t('page.confirm'));
    const cancel = h('button', { type: 'button', class: 'btn', onclick: () => dialog.close('cancel') }, t('page.cancel'));
    const heading = h('h2', { id: `dialog-${Date.now()}` }, title);
    const form = h(
      'form',
      {
        method: 'dialog',
        novalidate: true,
        onsubmit: async (event) => {
          event.preventDefault();
          error.textContent = '';
          confirm.disabled = true;
          try {
            await onConfirm(form);
            dialog.close('ok');
          } catch (cause) {
            error.textContent = cause.message;
            (form.querySelector('[aria-invalid="true"]') ?? form.querySelector('input, select, textarea') ?? confirm).focus();
          } finally {
            confirm.disabled = false;
          }
        },
      },
      fields,
      error,
      h('div', { class: 'btn-row' }, cancel, confirm),
    );
    const dialog = h('dialog', { 'aria-labelledby': heading.id }, heading, form);
    dialog.addEventListener('close', () => {
      if (dialog.returnValue === SESSION_ENDED) onInterrupted?.(form);
      dialog.remove();
      resolve(dialog.returnValue === 'ok');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** An Error whose message a dialog shows, marking `input` invalid. */
export function invalid(input, message) {
  input?.setAttribute('aria-invalid', 'true');
  return new Error(message);
}
