// "/signup": a new account. login checks the fields; its field errors show next to them.

import { api } from '../api.js';
import { h, field, statusLine, onSubmit, replace } from '../dom.js';

export async function render(view) {
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'signup-heading' },
    field('E-mail address', { name: 'email', type: 'email', required: true, autocomplete: 'email', maxlength: 254 }),
    field('Username', { name: 'username', required: true, autocomplete: 'username', pattern: '[A-Za-z0-9_.]{3,30}', maxlength: 30 },
      { hint: '3 to 30 letters, digits, "_" or "."' }),
    field('Password', { name: 'password', type: 'password', required: true, autocomplete: 'new-password', minlength: 8, maxlength: 128 },
      { hint: 'At least 8 characters' }),
    h('button', { type: 'submit' }, 'Create account'),
    status,
    h('p', {}, 'Already have an account? ', h('a', { href: '/login' }, 'Log in')));
  onSubmit(form, status, async values => {
    await api.post('/api/auth/signup', { email: values.email.trim(), username: values.username.trim(), password: values.password },
      { auth: false });
    replace(view,
      h('h1', { text: 'Check your mailbox' }),
      h('p', {}, `We sent a link to ${values.email.trim()} to verify your address.`),
      h('p', {}, h('a', { href: '/login', class: 'button' }, 'Log in')));
  });
  view.append(h('h1', { id: 'signup-heading', text: 'Create your account' }), form);
}
