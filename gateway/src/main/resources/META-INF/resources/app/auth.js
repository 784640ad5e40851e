// The login forms: password (first factor), the TOTP or recovery-code step when the account asks for it,
// and the e-mailed login link.

import { api, signIn } from './api.js';
import { h, field, statusLine, say, onSubmit, replace } from './dom.js';
import { navigate } from './main.js';

/** Where to go after logging in: ?next= when it is a path of this client, else the feed. */
export function nextPath(query) {
  const next = query?.get('next');
  // only a path of this origin: '//host' and '/\host' would name another site
  return next && /^\/(?![\/\\])/.test(next) && !next.includes('\\') && !next.startsWith('/api/') ? next : '/feed';
}

/** Handles the answer of a first factor: tokens (done) or a 2FA challenge (draws the second step in host). */
export function afterFirstFactor(answer, host, query) {
  if (answer?.mfaRequired) {
    replace(host, secondStep(answer, query));
    host.querySelector('input')?.focus();
    return;
  }
  signIn(answer);
  navigate(nextPath(query), { replace: true });
}

export function loginForm(query) {
  const host = h('div', { class: 'auth' });
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'login-heading' },
    h('h2', { id: 'login-heading', text: 'Log in' }),
    field('Username or e-mail address', { name: 'login', required: true, autocomplete: 'username', maxlength: 254 }),
    field('Password', { name: 'password', type: 'password', required: true, autocomplete: 'current-password', maxlength: 1024 }),
    h('button', { type: 'submit' }, 'Log in'),
    status,
    h('p', {}, h('a', { href: '/forgot-password' }, 'Forgot your password?'), ' · ',
      h('a', { href: '/signup' }, 'Create an account')));
  onSubmit(form, status, async values => {
    const answer = await api.post('/api/auth/login', { login: values.login.trim(), password: values.password }, { auth: false });
    afterFirstFactor(answer, host, query);
  });
  replace(host, form, loginLinkForm());
  return host;
}

function loginLinkForm() {
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'link-heading' },
    h('h2', { id: 'link-heading', text: 'Log in without a password' }),
    h('p', { class: 'muted' }, 'We e-mail you a link that logs you in (valid 10 minutes).'),
    field('E-mail address', { name: 'email', type: 'email', required: true, autocomplete: 'email', maxlength: 254 }),
    h('button', { type: 'submit', class: 'secondary' }, 'E-mail me a login link'),
    status);
  onSubmit(form, status, async values => {
    await api.post('/api/auth/login-link', { email: values.email.trim() }, { auth: false });
    form.reset();
    say(status, 'If an account has this address, a login link is on its way. Check your mailbox.');
  });
  return form;
}

/** The second step: a 6-digit code from the authenticator app, or one of the recovery codes. */
export function secondStep(challenge, query) {
  const status = statusLine();
  let recovery = false;
  const codeField = h('div');
  const toggle = h('button', { type: 'button', class: 'link-button' });
  function drawField() {
    replace(codeField, recovery
      ? field('Recovery code', { name: 'recoveryCode', required: true, autocomplete: 'off', maxlength: 64 })
      : field('Code from your authenticator app', {
        name: 'code', required: true, inputmode: 'numeric', pattern: '[0-9]{6}', maxlength: 6, autocomplete: 'one-time-code',
      }, { hint: '6 digits' }));
    toggle.textContent = recovery ? 'Use a code from the app instead' : 'Use a recovery code instead';
  }
  toggle.addEventListener('click', () => {
    recovery = !recovery;
    drawField();
    codeField.querySelector('input').focus();
  });
  drawField();
  const form = h('form', { class: 'card', 'aria-labelledby': 'mfa-heading' },
    h('h2', { id: 'mfa-heading', text: 'Two-factor authentication' }),
    codeField,
    h('p', {}, toggle),
    h('button', { type: 'submit' }, 'Continue'),
    status);
  onSubmit(form, status, async values => {
    const body = { challenge: challenge.challenge };
    if (recovery) body.recoveryCode = values.recoveryCode.trim();
    else body.code = values.code.trim();
    const tokens = await api.post('/api/auth/login/2fa', body, { auth: false });
    signIn(tokens);
    navigate(nextPath(query), { replace: true });
  });
  return form;
}
