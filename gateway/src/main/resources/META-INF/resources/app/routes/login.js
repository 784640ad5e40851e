// "/login": password, then a TOTP or recovery-code step when the account has two-factor authentication.

import { session } from '../api.js';
import { h } from '../dom.js';
import { loginForm, nextPath } from '../auth.js';
import { navigate } from '../main.js';

export async function render(view, { query }) {
  if (session()) {
    navigate(nextPath(query), { replace: true });
    return;
  }
  view.append(h('h1', { text: 'Log in to Chorus' }), loginForm(query));
}
