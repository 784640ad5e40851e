// The Chorus web client: a tiny router on location.pathname. Each route is a module in ./routes/ that
// exports render(view, {params, query}); links inside the page are followed without a reload.

import { refresh, onSessionChange, session } from './api.js';
import { h, replace, errorBox } from './dom.js';
import { renderNav } from './layout.js';
import { renderFooter } from './footer.js';
import { live } from './live.js';

// [pattern, module]: ':name' matches one path segment, '*name' the rest of the path (one or more segments).
// WebClientFilesTest reads this table: every module named here must exist in ./routes/.
const routes = [
  ['/', 'home'],
  ['/signup', 'signup'],
  ['/login', 'login'],
  ['/forgot-password', 'forgot-password'],
  ['/reset-password', 'reset-password'],
  ['/verify-email', 'verify-email'],
  ['/confirm-email', 'confirm-email'],
  ['/login-link', 'login-link'],
  ['/feed', 'feed'],
  ['/public', 'public'],
  ['/tags/:tag', 'tag'],
  ['/posts/:id', 'post'],
  ['/users/:id', 'user'],
  ['/search', 'search'],
  ['/notifications', 'notifications'],
  ['/appeal', 'appeal'],
  ['/unsubscribe', 'unsubscribe'],
  ['/pages/*url', 'page'],
  ['/admin', 'admin'],
];

function match(pathname) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const segments = path.split('/').slice(1);
  for (const [pattern, module] of routes) {
    const parts = pattern.split('/').slice(1);
    const params = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const part = parts[i];
      if (part.startsWith('*')) {
        const rest = segments.slice(i).map(safeDecode);
        ok = rest.length > 0 && rest.every(Boolean);
        if (ok) params[part.slice(1)] = rest.join('/');
        i = parts.length;
        break;
      }
      const segment = segments[i];
      if (segment === undefined) ok = false;
      else if (part.startsWith(':')) ok = segment !== '' && !!(params[part.slice(1)] = safeDecode(segment));
      else ok = part === segment;
    }
    if (ok && (parts.some(p => p.startsWith('*')) || parts.length === segments.length)) return { module, params };
  }
  return { module: 'not-found', params: {} };
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

let renderCount = 0;

async function render() {
  const view = document.getElementById('main');
  const mine = ++renderCount;
  const { module, params } = match(location.pathname);
  const query = new URLSearchParams(location.search);
  try {
    const route = await import(`./routes/${module}.js`);
    if (mine !== renderCount) return; // the reader moved on while the module loaded
    replace(view);
    await route.render(view, { params, query });
  } catch (error) {
    if (mine !== renderCount) return;
    replace(view, h('h1', { text: 'Something went wrong' }), errorBox(error));
  }
  document.title = (view.querySelector('h1')?.textContent || '').trim() ? `${view.querySelector('h1').textContent} · Chorus` : 'Chorus';
  renderNav();
}

/** Goes to a path of the client without a reload. */
export function navigate(path, { replace: replaceEntry = false } = {}) {
  if (replaceEntry) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.scrollTo(0, 0);
  render().then(() => document.getElementById('main').focus({ preventScroll: true }));
}

/** Sends the reader to the login page, to come back here afterwards. */
export function requireLogin() {
  navigate('/login?next=' + encodeURIComponent(location.pathname + location.search), { replace: true });
}

document.addEventListener('click', event => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/q/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => render());

onSessionChange(s => {
  renderNav();
  if (s) live.start();
  else live.stop();
});

async function start() {
  await refresh(); // a reload keeps the session of this tab through its refresh token
  if (session()) live.start();
  renderNav();
  renderFooter();
  await render();
}

start();
