// "/verify-email?token=": the page of the mailed verification link. Opening it verifies the address.

import { api, session } from '../api.js';
import { h, replace } from '../dom.js';

export async function render(view, { query }) {
  const token = query.get('token');
  const out = h('div', { role: 'status', 'aria-live': 'polite' }, h('p', {}, 'Verifying your address…'));
  view.append(h('h1', { text: 'Verify your e-mail address' }), out);
  if (!token) {
    replace(out, h('p', { class: 'status error' }, 'This link has no token. Open the link from the e-mail again.'));
    return;
  }
  try {
    await api.post('/api/auth/verify-email', { token }, { auth: false });
    replace(out, h('p', { class: 'status ok' }, 'Thank you, your address is verified.'),
      h('p', {}, h('a', { href: session() ? '/feed' : '/login', class: 'button' }, session() ? 'Go to your feed' : 'Log in')));
  } catch (error) {
    replace(out, h('p', { class: 'status error', role: 'alert' }, error.message),
      h('p', {}, 'Links work once and for 24 hours. Logged in, you can ask for a new one from your profile.'));
  }
}
