// "/login-link?token=": the page of the mailed login link. It logs in on opening (the link is single use);
// with two-factor authentication on, the link is the first factor and the code step follows.

import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { afterFirstFactor } from '../auth.js';

export async function render(view, { query }) {
  const token = query.get('token');
  const out = h('div', { 'aria-live': 'polite' }, h('p', { role: 'status' }, 'Logging you in…'));
  view.append(h('h1', { text: 'Log in with a link' }), out);
  if (!token) {
    replace(out, h('p', { class: 'status error', role: 'alert' }, 'This link has no token. Open the link from the e-mail again.'));
    return;
  }
  try {
    const answer = await api.post('/api/auth/login-link/complete', { token }, { auth: false });
    afterFirstFactor(answer, out, query);
  } catch (error) {
    replace(out, h('p', { class: 'status error', role: 'alert' }, error.message),
      h('p', {}, 'A login link works once and for 10 minutes. ', h('a', { href: '/login' }, 'Log in or ask for a new link'), '.'));
  }
}
