// Live notifications: the unread count in the header and the stream of new entries.
// The stream is an EventSource, which cannot send an Authorization header: it opens with a single-use
// ticket fetched with the token. When the stream fails, a new ticket is fetched and it reconnects.

import { api, session } from './api.js';

let source = null;
let running = false;
let retryTimer = null;
let backoff = 1000;
let count = 0;
let badgeEl = null;
const subscribers = new Set();

function showCount() {
  if (!badgeEl) return;
  badgeEl.hidden = count <= 0;
  badgeEl.textContent = count > 99 ? '99+' : String(count);
  badgeEl.setAttribute('aria-label', `${count} unread`);
}

function setCount(value) {
  const n = Number(typeof value === 'object' && value !== null ? value.count : value);
  if (Number.isFinite(n)) {
    count = Math.max(0, n);
    showCount();
  }
}

async function loadCount() {
  try {
    setCount(await api.get('/api/notifications/unread-count'));
  } catch {
    // the badge stays as it is
  }
}

async function connect() {
  if (!running || !session()) return;
  let ticket;
  try {
    ticket = (await api.post('/api/notifications/stream-tickets'))?.ticket;
  } catch {
    ticket = null;
  }
  if (!running) return;
  if (!ticket) {
    scheduleReconnect();
    return;
  }
  source = new EventSource('/api/notifications/stream?ticket=' + encodeURIComponent(ticket));
  source.addEventListener('open', () => { backoff = 1000; });
  source.addEventListener('notification', event => {
    const item = parse(event.data);
    if (item) for (const subscriber of subscribers) subscriber(item);
  });
  source.addEventListener('unread-count', event => setCount(parse(event.data)));
  const reconnect = () => {
    source?.close();
    source = null;
    scheduleReconnect();
  };
  source.addEventListener('error', reconnect);
  source.addEventListener('close', reconnect);
}

function scheduleReconnect() {
  if (!running || retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    loadCount();
    connect();
  }, backoff);
  backoff = Math.min(backoff * 2, 30000);
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

export const live = {
  start() {
    if (running) return;
    running = true;
    backoff = 1000;
    loadCount();
    connect();
  },
  stop() {
    running = false;
    clearTimeout(retryTimer);
    retryTimer = null;
    source?.close();
    source = null;
    count = 0;
    showCount();
  },
  /** The element that shows the unread count (the header draws a new one on every page). */
  badge(el) {
    badgeEl = el;
    showCount();
  },
  setCount,
  refreshCount: loadCount,
  /** Calls fn with every new or changed notification; answers a function that stops it. */
  subscribe(fn) {
    subscribers.add(fn);
    return () => subscribers.delete(fn);
  },
};
