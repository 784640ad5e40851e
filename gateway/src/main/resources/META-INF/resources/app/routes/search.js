// "/search?q=": people (signed in only: profiles need a token), posts and pages at once.

import { api, session } from '../api.js';
import { h, field } from '../dom.js';
import { postCard } from '../posts.js';
import { pagedList } from '../lists.js';
import { navigate } from '../main.js';

export async function render(view, { query }) {
  const q = (query.get('q') || '').trim();
  const form = h('form', { class: 'search', role: 'search' },
    field('Search Chorus', { name: 'q', type: 'search', value: q, required: true, maxlength: 200 }),
    h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const value = new FormData(form).get('q').trim();
    if (value) navigate('/search?q=' + encodeURIComponent(value));
  });
  view.append(h('h1', { text: 'Search' }), form);
  if (!q) return;

  const signedIn = !!session();
  const people = section('People');
  const posts = section('Posts');
  const pages = section('Pages');
  view.append(...[signedIn ? people.section : null, posts.section, pages.section].filter(Boolean));
  await Promise.all([
    signedIn && pagedList(people.items, cursor => api.get('/api/users/search', { query: { q, cursor } }), person =>
      h('a', { href: '/users/' + person.id, class: 'person' },
        h('img', { class: 'avatar small', src: person.avatarUrl || `/api/users/${person.id}/avatar`, alt: '', width: 32, height: 32 }),
        person.displayName ? [h('strong', { text: person.displayName }), ' '] : null,
        h('span', { class: 'muted', text: '@' + person.username })), { empty: 'Nobody found.', label: 'People' }).ready,
    pagedList(posts.items, cursor => api.get('/api/search/posts', { query: { q, cursor } }), post => postCard(post),
      { empty: 'No posts found.', label: 'Posts' }).ready,
    pagedList(pages.items, cursor => api.get('/api/search/pages', { query: { q, cursor } }), page =>
      h('a', { href: '/pages/' + page.url }, page.title || page.name), { empty: 'No pages found.', label: 'Pages' }).ready,
  ]);
}

function section(title) {
  const id = 'results-' + title.toLowerCase();
  const items = h('div');
  return { section: h('section', { 'aria-labelledby': id }, h('h2', { id, text: title }), items), items };
}
