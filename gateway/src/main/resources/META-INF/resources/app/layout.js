// The header's navigation: what a signed-out and a signed-in reader can reach, the unread badge, log out.

import { session, isModerator, signOut } from './api.js';
import { h, replace } from './dom.js';
import { live } from './live.js';
import { navigate } from './main.js';

function link(href, text, extra) {
  const current = location.pathname === href || (href !== '/' && location.pathname.startsWith(href + '/'));
  return h('a', { href, 'aria-current': current ? 'page' : null }, text, extra);
}

export function renderNav() {
  const nav = document.getElementById('nav');
  const me = session();
  if (!me) {
    replace(nav, link('/public', 'Public'), link('/search', 'Search'), link('/login', 'Log in'), link('/signup', 'Sign up'));
    return;
  }
  const badge = h('span', { class: 'badge', id: 'unread-badge', hidden: true });
  live.badge(badge);
  replace(nav,
    link('/feed', 'Feed'),
    link('/public', 'Public'),
    link('/search', 'Search'),
    link('/notifications', 'Notifications', [' ', badge]),
    isModerator() ? link('/admin', 'Moderation') : null,
    link('/users/' + me.id, me.username ? '@' + me.username : 'Profile'),
    h('button', {
      type: 'button', class: 'link-button', onclick: async () => {
        await signOut();
        navigate('/');
      },
    }, 'Log out'));
}
