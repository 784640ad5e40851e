// "/tags/{tag}": the posts with a hashtag.

import { api } from '../api.js';
import { h } from '../dom.js';
import { postCard } from '../posts.js';
import { pagedList } from '../lists.js';

export async function render(view, { params }) {
  const tag = params.tag.replace(/^#/, '').toLowerCase();
  const items = h('div');
  view.append(h('h1', { text: '#' + tag }), items);
  await pagedList(items, cursor => api.get('/api/feed/tags/' + encodeURIComponent(tag), { query: { cursor } }),
    post => postCard(post), { empty: 'No posts with this tag yet.', label: 'Posts tagged ' + tag }).ready;
}
