// "/reset-password?token=": the page of the mailed reset link: a new password for the account.

import { api } from '../api.js';
import { h, field, statusLine, onSubmit, replace, clearProblem, showProblem } from '../dom.js';

export async function render(view, { query }) {
  const token = query.get('token');
  view.append(h('h1', { id: 'reset-heading', text: 'Choose a new password' }));
  if (!token) {
    view.append(h('p', { class: 'status error', role: 'alert' }, 'This link has no token. Open the link from the e-mail again, or ',
      h('a', { href: '/forgot-password' }, 'ask for a new one'), '.'));
    return;
  }
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'reset-heading' },
    field('New password', { name: 'newPassword', type: 'password', required: true, autocomplete: 'new-password', minlength: 8, maxlength: 128 },
      { hint: 'At least 8 characters' }),
    field('New password again', { name: 'repeat', type: 'password', required: true, autocomplete: 'new-password', maxlength: 128 }),
    h('button', { type: 'submit' }, 'Set password'),
    status);
  onSubmit(form, status, async values => {
    if (values.newPassword !== values.repeat) {
      clearProblem(form);
      showProblem(form, status, { detail: 'The two passwords differ', errors: [{ field: 'repeat', message: 'must be the same as the new password' }] });
      return;
    }
    await api.post('/api/auth/password-reset/complete', { token, newPassword: values.newPassword }, { auth: false });
    replace(view, h('h1', { text: 'Password changed' }),
      h('p', {}, 'Your new password is set; every session of your account has ended.'),
      h('p', {}, h('a', { href: '/login', class: 'button' }, 'Log in')));
  });
  view.append(form, h('p', { class: 'muted' }, 'The link works once and for 30 minutes. ',
    h('a', { href: '/forgot-password' }, 'Ask for a new link')));
}
