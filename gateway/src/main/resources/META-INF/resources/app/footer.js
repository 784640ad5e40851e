// The footer: links to the static pages an administrator placed in the footer.

import { api } from './api.js';
import { h, replace } from './dom.js';

export async function renderFooter() {
  const nav = document.getElementById('footer-links');
  try {
    const answer = await api.get('/api/pages', { query: { place: 'footer', limit: 50 }, auth: false });
    const items = answer?.items || [];
    replace(nav, items.map(page => h('a', { href: '/pages/' + page.url, title: page.title || null }, page.name || page.title)));
  } catch {
    replace(nav); // no pages yet, or content is down: a footer without links is still a footer
  }
}
