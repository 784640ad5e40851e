// "/forgot-password": asks for a reset link (the answer is the same whether or not the address is known).

import { api } from '../api.js';
import { h, field, statusLine, say, onSubmit } from '../dom.js';

export async function render(view) {
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'forgot-heading' },
    field('E-mail address', { name: 'email', type: 'email', required: true, autocomplete: 'email', maxlength: 254 }),
    h('button', { type: 'submit' }, 'Send me a reset link'),
    status);
  onSubmit(form, status, async values => {
    await api.post('/api/auth/password-reset', { email: values.email.trim() }, { auth: false });
    form.reset();
    say(status, 'If an account has this address, a reset link is on its way (valid 30 minutes).');
  });
  view.append(h('h1', { id: 'forgot-heading', text: 'Forgot your password?' }), form,
    h('p', {}, h('a', { href: '/login' }, 'Back to log in')));
}
