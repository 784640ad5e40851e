// "/appeal?code=": the page of the appeal link mailed with a sanction. No login needed (a suspended or banned
// member cannot log in): the one-time code shows the sanction and lets its holder appeal once.

import { api } from '../api.js';
import { h, field, statusLine, onSubmit, replace, errorBox } from '../dom.js';

const ACTIONS = { warn: 'A warning', hide: 'Your content was hidden', suspend: 'Your account is suspended', ban: 'Your account is banned' };

export async function render(view, { query }) {
  const code = query.get('code');
  view.append(h('h1', { text: 'Appeal a moderation decision' }));
  if (!code) {
    view.append(h('p', { class: 'status error', role: 'alert' }, 'This link has no code. Open the link from the e-mail again.'));
    return;
  }
  const path = '/api/admin/appeals/code/' + encodeURIComponent(code);
  let summary;
  try {
    summary = await api.get(path, { auth: false });
  } catch (error) {
    view.append(errorBox(error));
    return;
  }
  view.append(summaryCard(summary));
  const appealHost = h('div');
  view.append(appealHost);
  const deadlinePassed = summary.appealDeadline && new Date(summary.appealDeadline) < new Date();
  if (summary.appeal) {
    replace(appealHost, appealStatus(summary.appeal));
  } else if (deadlinePassed) {
    replace(appealHost, h('p', { class: 'status error' }, 'The time to appeal this decision has passed.'));
  } else {
    replace(appealHost, appealForm(path, appealHost));
  }
}

function row(label, value) {
  return value ? [h('dt', { text: label }), h('dd', {}, value)] : null;
}

function summaryCard(s) {
  return h('section', { class: 'card', 'aria-labelledby': 'sanction-heading' },
    h('h2', { id: 'sanction-heading', text: ACTIONS[s.action] || s.action || 'A moderation decision' }),
    h('dl', { class: 'facts' },
      row('Reason', s.reason),
      row('Concerns', s.targetKind ? `your ${s.targetKind}` : null),
      row('Decided', s.issuedAt ? new Date(s.issuedAt).toLocaleString() : null),
      row('Until', s.until ? new Date(s.until).toLocaleString() : (s.action === 'ban' ? 'no end date' : null)),
      row('State', s.sanctionState),
      row('Appeal by', s.appealDeadline ? new Date(s.appealDeadline).toLocaleString() : null)));
}

function appealStatus(a) {
  return h('section', { class: 'card', 'aria-labelledby': 'appeal-heading' },
    h('h2', { id: 'appeal-heading', text: 'Your appeal' }),
    h('dl', { class: 'facts' },
      row('State', a.state),
      row('Filed', a.filedAt ? new Date(a.filedAt).toLocaleString() : null),
      row('Decided', a.decidedAt ? new Date(a.decidedAt).toLocaleString() : null),
      row('Answer', a.decisionReason)));
}

function appealForm(path, host) {
  const status = statusLine();
  const counter = h('p', { class: 'hint', 'aria-live': 'polite' }, '0 / 2000');
  const form = h('form', { class: 'card', 'aria-labelledby': 'appeal-form-heading' },
    h('h2', { id: 'appeal-form-heading', text: 'Tell the moderators why this decision is wrong' }),
    field('Your appeal', { name: 'text', required: true, maxlength: 2000, rows: 6 }, { tag: 'textarea' }),
    counter,
    h('button', { type: 'submit' }, 'Send appeal'),
    status);
  const textarea = form.querySelector('textarea');
  textarea.addEventListener('input', () => { counter.textContent = `${textarea.value.length} / 2000`; });
  onSubmit(form, status, async values => {
    const answer = await api.post(path, { text: values.text }, { auth: false });
    replace(host, h('p', { class: 'status ok', role: 'status' }, 'Your appeal is filed. We will e-mail you the decision.'),
      answer && answer.state ? appealStatus(answer) : null);
  });
  return form;
}
