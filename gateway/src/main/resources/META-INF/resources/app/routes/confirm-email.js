// "/confirm-email?token=": the page of the link mailed to a new address. Confirming replaces the account's
// address and ends every other session, so it waits for a click rather than happening on opening.

import { api, session } from '../api.js';
import { h, replace, statusLine, say } from '../dom.js';

export async function render(view, { query }) {
  const token = query.get('token');
  view.append(h('h1', { text: 'Confirm your new e-mail address' }));
  if (!token) {
    view.append(h('p', { class: 'status error', role: 'alert' }, 'This link has no token. Open the link from the e-mail again.'));
    return;
  }
  const status = statusLine();
  const button = h('button', { type: 'button' }, 'Confirm the new address');
  const box = h('div', { class: 'card' },
    h('p', {}, 'Your account will use this address from now on, and every other session of it ends.'), button, status);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post('/api/auth/email-change/confirm', { token }, { auth: false });
      replace(box, h('p', { class: 'status ok', role: 'status' }, 'Your new address is confirmed.'),
        h('p', {}, h('a', { href: session() ? '/feed' : '/login', class: 'button' }, session() ? 'Go to your feed' : 'Log in')));
    } catch (error) {
      say(status, error.message, 'error');
      button.disabled = false;
    }
  });
  view.append(box);
}
