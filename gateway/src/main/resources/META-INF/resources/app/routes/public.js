// "/public": everyone's public posts, newest first.

import { api } from '../api.js';
import { h } from '../dom.js';
import { postCard } from '../posts.js';
import { pagedList } from '../lists.js';

export async function render(view) {
  const items = h('div');
  view.append(h('h1', { text: 'Public posts' }), items);
  await pagedList(items, cursor => api.get('/api/feed/public', { query: { cursor } }), post => postCard(post),
    { empty: 'No public posts yet.', label: 'Public posts' }).ready;
}
