// "/pages/{url}": a static page (terms, privacy …). Its description is plain text or markdown: it is shown
// as text, a paragraph per blank-line-separated block, never interpreted as HTML.

import { api } from '../api.js';
import { h, errorBox } from '../dom.js';

export async function render(view, { params }) {
  let page;
  try {
    page = await api.get('/api/pages/by-url/' + params.url.split('/').map(encodeURIComponent).join('/'), { auth: false });
  } catch (error) {
    view.append(h('h1', { text: error.status === 404 ? 'Page not found' : 'This page could not be loaded' }), errorBox(error));
    return;
  }
  const blocks = String(page.description || '').split(/\n\s*\n/).map(b => b.trim()).filter(Boolean);
  view.append(h('article', { class: 'static-page', lang: page.language || null },
    h('h1', { text: page.title || page.name }),
    blocks.map(block => h('p', { class: 'text', text: block })),
    page.updatedAt ? h('p', { class: 'muted' }, 'Last updated ', new Date(page.updatedAt).toLocaleDateString()) : null));
}
