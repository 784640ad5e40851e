// A cursor-paginated list ({items, nextCursor}) with a "More" button.

import { h, replace, errorBox } from './dom.js';

/**
 * Fills container with the pages load(cursor) answers, each item drawn by renderItem(item).
 * Answers {prepend(item), reload()} for lists that grow at the top (a new post, a live notification).
 */
export function pagedList(container, load, renderItem, { empty = 'Nothing here yet.', label } = {}) {
  const list = h('ul', { class: 'items', 'aria-label': label || null });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'More');
  const note = h('p', { class: 'muted', hidden: true, text: empty });
  const failure = h('div');
  let cursor = null;

  async function next() {
    more.disabled = true;
    replace(failure);
    try {
      const answer = await load(cursor);
      const items = answer?.items || [];
      for (const item of items) list.append(h('li', {}, renderItem(item)));
      cursor = answer?.nextCursor || null;
      more.hidden = !cursor;
      note.hidden = list.children.length > 0;
    } catch (error) {
      replace(failure, errorBox(error));
      more.hidden = !cursor;
    } finally {
      more.disabled = false;
    }
  }

  more.addEventListener('click', next);
  replace(container, list, note, failure, more);
  const ready = next();
  return {
    ready,
    prepend(item) {
      list.prepend(h('li', {}, renderItem(item)));
      note.hidden = true;
    },
    reload() {
      cursor = null;
      replace(list);
      return next();
    },
  };
}
