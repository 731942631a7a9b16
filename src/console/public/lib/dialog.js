// A modal form in a native <dialog>: the browser traps focus, Escape cancels, focus returns to the opener.
import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * Opens a dialog titled `title` with `fields` and a confirm button; `onConfirm(form)` may throw an Error
 * whose message is shown in the dialog (the dialog stays open). Resolves true when confirmed.
 */
export function openDialog({ title, fields, confirmLabel, danger = false, onConfirm }) {
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
