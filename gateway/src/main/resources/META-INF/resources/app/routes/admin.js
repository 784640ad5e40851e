// "/admin": the moderation queue for moderators and administrators: open cases, their reports, and
// resolving (warn, hide, suspend, ban) or dismissing them.

import { api, session, isModerator } from '../api.js';
import { h, field, statusLine, onSubmit, replace, errorBox, time } from '../dom.js';
import { pagedList } from '../lists.js';
import { requireLogin } from '../main.js';

const TARGET_LINKS = { post: id => '/posts/' + id, user: id => '/users/' + id };

export async function render(view, { query }) {
  if (!session()) {
    requireLogin();
    return;
  }
  view.append(h('h1', { text: 'Moderation' }));
  if (!isModerator()) {
    view.append(h('p', { class: 'status error', role: 'alert' }, 'Only moderators and administrators can see the moderation queue.'));
    return;
  }
  const state = ['open', 'resolved', 'dismissed'].includes(query.get('state')) ? query.get('state') : 'open';
  view.append(h('nav', { class: 'tabs', 'aria-label': 'Case states' },
    ['open', 'resolved', 'dismissed'].map(s => h('a', { href: '/admin?state=' + s, 'aria-current': s === state ? 'page' : null }, s))));
  const items = h('div');
  view.append(items);
  await pagedList(items, cursor => api.get('/api/admin/cases', { query: { state, cursor } }), c => caseCard(c),
    { empty: `No ${state} cases.`, label: 'Cases' }).ready;
}

function caseCard(c) {
  const target = TARGET_LINKS[c.targetKind]?.(c.targetId);
  const detail = h('div', { class: 'case-detail' });
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Open case');
  open.addEventListener('click', async () => {
    if (detail.firstChild) {
      replace(detail);
      open.setAttribute('aria-expanded', 'false');
      return;
    }
    open.setAttribute('aria-expanded', 'true');
    try {
      const full = await api.get('/api/admin/cases/' + c.id);
      replace(detail, reports(full), c.state === 'open' ? decide(c, card) : null);
    } catch (error) {
      replace(detail, errorBox(error));
    }
  });
  const card = h('article', { class: 'card case', 'aria-label': `Case about a ${c.targetKind}` },
    h('p', {}, h('strong', { text: `${c.reportCount} report${c.reportCount === 1 ? '' : 's'}` }), ' about a ',
      target ? h('a', { href: target }, c.targetKind) : c.targetKind,
      c.targetAuthorId ? [' by ', h('a', { href: '/users/' + c.targetAuthorId }, 'its author')] : null),
    h('p', { class: 'byline' }, 'Reasons: ', (c.reasons || []).join(', ') || '—', ' · last report ', time(c.lastReportedAt)),
    open, detail);
  return card;
}

function reports(full) {
  return h('section', { 'aria-label': 'Reports' },
    h('h3', { text: 'Reports' }),
    h('ul', { class: 'plain' }, (full.reports || []).map(r => h('li', {},
      h('p', {}, h('strong', { text: r.reason }), ' · ', time(r.reportedAt)),
      r.comment ? h('p', { class: 'text', text: r.comment }) : null,
      r.snapshot ? h('blockquote', { class: 'text', text: r.snapshot }) : null))));
}

function decide(c, card) {
  const status = statusLine();
  const form = h('form', { class: 'decide', 'aria-label': 'Resolve the case' },
    h('h3', { text: 'Decision' }),
    field('Action', { name: 'action', required: true }, {
      tag: 'select',
      options: [['warn', 'Warn the author'], ['hide', 'Hide the content'], ['suspend', 'Suspend the account'], ['ban', 'Ban the account']],
    }),
    field('Reason (the member sees it)', { name: 'reason', required: true, maxlength: 500, rows: 2 }, { tag: 'textarea' }),
    field('Suspension length in hours', { name: 'durationHours', type: 'number', min: 1, step: 1 }, { hint: 'Only for a suspension' }),
    h('div', { class: 'row' },
      h('button', { type: 'submit' }, 'Resolve'),
      h('button', { type: 'button', class: 'secondary', onclick: dismiss }, 'Dismiss (no action)')),
    status);
  const duration = form.querySelector('[name="durationHours"]').closest('.field');
  const action = form.querySelector('[name="action"]');
  const sync = () => { duration.hidden = action.value !== 'suspend'; };
  action.addEventListener('change', sync);
  sync();

  function done(text) {
    replace(card, h('p', { class: 'status ok', role: 'status' }, text));
  }

  onSubmit(form, status, async values => {
    const body = { action: values.action, reason: values.reason.trim() };
    if (values.action === 'suspend' && values.durationHours) body.durationHours = Number(values.durationHours);
    await api.post(`/api/admin/cases/${c.id}/resolve`, body);
    done('Case resolved.');
  });

  async function dismiss() {
    const reason = form.querySelector('[name="reason"]').value.trim();
    try {
      await api.post(`/api/admin/cases/${c.id}/dismiss`, reason ? { reason } : {});
      done('Case dismissed.');
    } catch (error) {
      status.textContent = error.message;
      status.className = 'status error';
    }
  }
  return form;
}
