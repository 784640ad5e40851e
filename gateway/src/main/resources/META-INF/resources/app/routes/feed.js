// "/feed": write a post, and the home feed (my posts and my friends'), a page at a time.

import { api, session } from '../api.js';
import { h } from '../dom.js';
import { composer, postCard } from '../posts.js';
import { pagedList } from '../lists.js';
import { requireLogin } from '../main.js';

export async function render(view) {
  if (!session()) {
    requireLogin();
    return;
  }
  const listHost = h('section', { 'aria-labelledby': 'feed-heading' }, h('h2', { id: 'feed-heading', class: 'visually-hidden', text: 'Posts' }));
  const items = h('div');
  listHost.append(items);
  view.append(h('h1', { text: 'Your feed' }), composer(post => list.prepend(post)), listHost);
  const list = pagedList(items, cursor => api.get('/api/feed/home', { query: { cursor } }), post => postCard(post),
    { empty: 'No posts yet. Write the first one, or find people to befriend in Search.', label: 'Posts' });
  await list.ready;
}
