// "/": the home feed when signed in; otherwise what Chorus is, the login form and a way to sign up.

import { session } from '../api.js';
import { h } from '../dom.js';
import { loginForm } from '../auth.js';
import { render as renderFeed } from './feed.js';

export async function render(view, context) {
  if (session()) {
    await renderFeed(view, context);
    return;
  }
  view.append(
    h('section', { class: 'intro' },
      h('h1', { text: 'Welcome to Chorus' }),
      h('p', {}, 'Share posts with your friends or with everyone, follow tags, and talk in the comments.'),
      h('p', {}, 'New here? ', h('a', { href: '/signup', class: 'button' }, 'Create an account'))),
    loginForm(context.query));
}
