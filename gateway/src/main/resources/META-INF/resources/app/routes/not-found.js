// Any path no route knows.

import { h } from '../dom.js';

export async function render(view) {
  view.append(h('h1', { text: 'Page not found' }),
    h('p', {}, 'There is nothing at this address. ', h('a', { href: '/' }, 'Go to the start page'), '.'));
}
