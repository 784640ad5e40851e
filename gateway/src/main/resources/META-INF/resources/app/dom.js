// Small DOM helpers. Everything the API says goes in as text (textContent), never as HTML.

/**
 * Makes an element: h('p', {class: 'x'}, 'text', child). Attributes: class, for, text, hidden (boolean),
 * dataset-style data-*, aria-*, and on<event> as listeners (functions, never strings).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) {
      // listeners only: an on...= attribute would be an inline handler, which the CSP forbids
      if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let uid = 0;
/** A unique id for label/for and aria-describedby pairs. */
export function nextId(prefix = 'f') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** A labelled form field: field('Username', {name: 'username', ...}) → <div class="field"><label/><input/></div>. */
export function field(label, attrs = {}, { hint, tag = 'input', options } = {}) {
  const id = attrs.id || nextId(attrs.name || 'f');
  const hintId = hint ? id + '-hint' : null;
  let control;
  if (tag === 'select') {
    control = h('select', { ...attrs, id, 'aria-describedby': hintId },
      (options || []).map(([value, text]) => h('option', { value, text })));
  } else {
    control = h(tag, { ...attrs, id, 'aria-describedby': hintId });
  }
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null);
}

/** A status line for a form: messages and errors are announced to screen readers. */
export function statusLine() {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

export function say(status, text, kind = 'ok') {
  status.textContent = text || '';
  status.className = 'status' + (text ? ' ' + kind : '');
}

/** Removes the field errors a previous answer left on a form. */
export function clearProblem(form) {
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const described = (el.getAttribute('aria-describedby') || '').split(' ').filter(x => x && !x.endsWith('-error'));
    if (described.length) el.setAttribute('aria-describedby', described.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

/**
 * Shows an ApiError on a form: each field error next to its field (matched by name, also by the last
 * segment of a path such as "body.text"), the detail in the status line. Field errors for fields the form
 * does not have are added to the status line.
 */
export function showProblem(form, status, error) {
  clearProblem(form);
  const unplaced = [];
  for (const fieldError of error.errors || []) {
    const name = String(fieldError.field || '');
    const control = form.querySelector(`[name="${cssEscape(name)}"]`)
      || form.querySelector(`[name="${cssEscape(name.split('.').pop())}"]`);
    if (!control) {
      unplaced.push(name ? `${name}: ${fieldError.message}` : fieldError.message);
      continue;
    }
    const id = (control.id || nextId('x')) + '-error';
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    control.closest('.field')?.append(h('p', { class: 'field-error', id, text: fieldError.message }));
  }
  let text = error.detail || error.title || error.message;
  if (error.status === 429 && error.retryAfter) text += ` (try again in ${error.retryAfter} s)`;
  if (unplaced.length) text += ' — ' + unplaced.join('; ');
  say(status, text, 'error');
  form.querySelector('[aria-invalid="true"]')?.focus();
}

function cssEscape(value) {
  return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}

/** Wires a form: collects its named values, runs submit(values), shows errors; disables the button meanwhile. */
export function onSubmit(form, status, submit) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"], button:not([type])');
    const values = Object.fromEntries(new FormData(form).entries());
    clearProblem(form);
    say(status, '');
    if (button) button.disabled = true;
    try {
      await submit(values);
    } catch (error) {
      if (error && 'status' in error) showProblem(form, status, error);
      else say(status, String(error?.message || error), 'error');
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** A time element in the reader's locale. */
export function time(iso) {
  if (!iso) return null;
  const date = new Date(iso);
  return h('time', { datetime: iso, title: date.toLocaleString() }, relative(date));
}

function relative(date) {
  const seconds = Math.round((Date.now() - date.getTime()) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return date.toLocaleDateString();
}

/** A paragraph that says what went wrong while loading something. */
export function errorBox(error) {
  if (error?.status === 401) {
    // signed out (or the session ended): say so, with the way back here after logging in
    return h('p', { class: 'status error', role: 'alert' }, 'You need to be logged in to see this. ',
      h('a', { href: '/login?next=' + encodeURIComponent(location.pathname + location.search) }, 'Log in'));
  }
  return h('p', { class: 'status error', role: 'alert', text: error?.message || String(error) });
}

/** The value of a query parameter of the current address. */
export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}
