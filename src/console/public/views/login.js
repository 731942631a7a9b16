// Sign-in: 用户名, 密码, 登录. Errors come back in the chosen language and are read out.
import { post } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';

export async function render({ signedIn, notice }) {
  const username = h('input', { id: 'login-username', name: 'username', type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { id: 'login-error', class: 'form-error', role: 'alert' });
  const info = h('p', { class: 'form-info', role: 'status' }, notice ? t(notice) : '');
  const submit = h('button', { type: 'submit', class: 'btn btn--primary btn--wide' }, t('login.submit'));

  const fail = (message, focus) => {
    error.textContent = message;
    for (const input of [username, password]) input.setAttribute('aria-invalid', 'true');
    focus.focus();
  };

  const form = h(
    'form',
    {
      class: 'login__form',
      novalidate: true,
      'aria-describedby': 'login-error',
      onsubmit: async (event) => {
        event.preventDefault();
        error.textContent = '';
        info.textContent = '';
        if (!username.value.trim() || !password.value) return fail(t('login.missing'), username.value.trim() ? password : username);
        submit.disabled = true;
        submit.textContent = t('login.busy');
        try {
          const answer = await post('/api/login', { username: username.value.trim(), password: password.value });
          signedIn(answer.account, answer.csrfToken);
        } catch (cause) {
          password.value = '';
          fail(cause.message, password);
        } finally {
          submit.disabled = false;
          submit.textContent = t('login.submit');
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: username.id }, t('login.username')), username),
    h('div', { class: 'field' }, h('label', { for: password.id }, t('login.password')), password),
    error,
    submit,
  );

  const node = h(
    'section',
    { class: 'login', 'aria-labelledby': 'login-heading' },
    h('h1', { id: 'login-heading' }, t('login.heading')),
    info,
    form,
    h('p', { class: 'login__hint' }, t('login.hint')),
  );
  return { title: t('login.heading'), node, focus: username };
}
