// "/unsubscribe?token=": the page of a mail's unsubscribe link. It asks before unsubscribing: link checkers
// open links, and only a deliberate click (or the mail client's one-click POST) should change anything.

import { api } from '../api.js';
import { h, replace, statusLine, say } from '../dom.js';

export async function render(view, { query }) {
  const token = query.get('token');
  view.append(h('h1', { text: 'Unsubscribe' }));
  if (!token) {
    view.append(h('p', { class: 'status error', role: 'alert' }, 'This link has no token. Open the link from the e-mail again.'));
    return;
  }
  const status = statusLine();
  const button = h('button', { type: 'button' }, 'Stop these e-mails');
  const box = h('div', { class: 'card' }, h('p', {}, 'You will no longer receive this kind of e-mail from Chorus. '
    + 'Security messages (password, sign-in) still reach you.'), button, status);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post('/api/notifications/unsubscribe', undefined, { query: { token }, auth: false });
      replace(box, h('p', { class: 'status ok', role: 'status' }, 'Done: you are unsubscribed.'));
    } catch (error) {
      say(status, error.message, 'error');
      button.disabled = false;
    }
  });
  view.append(box);
}
