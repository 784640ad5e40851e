// "/notifications": my notifications, newest activity first; mark one or all read; new ones arrive live.

import { api, session } from '../api.js';
import { h, time, statusLine, say } from '../dom.js';
import { pagedList } from '../lists.js';
import { live } from '../live.js';
import { requireLogin } from '../main.js';

export async function render(view) {
  const me = session();
  if (!me) {
    requireLogin();
    return;
  }
  const status = statusLine();
  const readAll = h('button', { type: 'button', class: 'secondary' }, 'Mark all as read');
  const items = h('div');
  view.append(h('div', { class: 'heading-row' }, h('h1', { text: 'Notifications' }), readAll), status, items);

  const list = pagedList(items, cursor => api.get('/api/notifications', { query: { cursor } }), item => entry(item, me),
    { empty: 'Nothing new. Notifications about friends, comments and reactions show up here.', label: 'Notifications' });

  readAll.addEventListener('click', async () => {
    readAll.disabled = true;
    try {
      await api.post('/api/notifications/read-all');
      for (const el of items.querySelectorAll('.notification.unread')) markRead(el);
      live.setCount(0);
    } catch (error) {
      say(status, error.message, 'error');
    } finally {
      readAll.disabled = false;
    }
  });

  // a grouped entry that changes comes again with the same id: it moves to the top
  const stop = live.subscribe(item => {
    if (!view.isConnected) {
      stop();
      return;
    }
    items.querySelector(`[data-id="${CSS.escape(String(item.id))}"]`)?.closest('li')?.remove();
    list.prepend(item);
  });
  await list.ready;
}

function markRead(el) {
  el.classList.remove('unread');
  el.querySelector('.mark-read')?.remove();
  el.querySelector('.unread-label')?.remove();
}

function actorsText(item) {
  const names = (item.actors || []).map(a => '@' + (a.username || 'someone'));
  const others = Math.max(0, (item.actorCount || names.length) - names.length);
  if (!names.length) return 'Someone';
  if (others > 0) return `${names.join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
  if (names.length === 1) return names[0];
  return names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
}

/** What the entry says, and where it leads. */
export function describe(item, me) {
  const who = actorsText(item);
  const firstActor = item.actors?.[0]?.id;
  const post = item.postId ? '/posts/' + item.postId : null;
  const data = item.data || {};
  switch (item.kind) {
    case 'friend-request': return [`${who} would like to be your friend`, '/users/' + me.id];
    case 'friendship': return [`You and ${who} are now friends`, firstActor ? '/users/' + firstActor : null];
    case 'comment': return [`${who} commented on your post`, post];
    case 'reply': return [`${who} replied to your comment`, post];
    case 'reaction': return [`${who} reacted to your ${item.targetKind === 'comment' ? 'comment' : 'post'}`, post];
    case 'mention': return [`${who} mentioned you`, post];
    case 'report-outcome': return ['The moderators looked at your report' + (data.outcome ? `: ${data.outcome}` : ''), null];
    case 'sanction': return ['A moderator took action' + (data.reason ? `: ${data.reason}` : ''), data.appealCode ? '/appeal?code=' + encodeURIComponent(data.appealCode) : null];
    case 'appeal-decision': return ['Your appeal was decided' + (data.decision ? `: ${data.decision}` : ''), null];
    case 'new-device-login': return ['Your account was used to log in from a new device', null];
    case 'password-changed': return ['Your password was changed', null];
    case 'two-factor-changed': return ['Your two-factor authentication settings changed', null];
    default: return [item.kind || 'Notification', post];
  }
}

function entry(item, me) {
  const [text, href] = describe(item, me);
  const status = h('span', { class: 'status small', role: 'status' });
  const el = h('article', { class: 'card notification' + (item.read ? '' : ' unread'), 'data-id': item.id },
    h('p', {}, item.read ? null : h('span', { class: 'unread-label visually-hidden' }, 'Unread: '),
      href ? h('a', { href }, text) : text),
    h('p', { class: 'byline' }, time(item.updatedAt || item.createdAt),
      item.read ? null : h('button', { type: 'button', class: 'link-button mark-read' }, 'Mark as read'), status));
  async function read() {
    try {
      await api.post(`/api/notifications/${item.id}/read`);
      markRead(el);
      live.refreshCount();
    } catch (error) {
      say(status, error.message, 'error');
    }
  }
  el.querySelector('.mark-read')?.addEventListener('click', read);
  // following an unread entry's link reads it too (the router then draws the page it leads to)
  if (!item.read) el.querySelector('a')?.addEventListener('click', () => { if (el.classList.contains('unread')) read(); });
  return el;
}
