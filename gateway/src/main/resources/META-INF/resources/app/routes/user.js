// "/users/{id}": a profile with its avatar and posts. Someone else's: a friend request button and a report
// button. My own: my account's address, my profile form and the friend requests waiting for me.

import { api, session } from '../api.js';
import { h, field, statusLine, say, onSubmit, replace, errorBox } from '../dom.js';
import { postCard, reportToggle } from '../posts.js';
import { pagedList } from '../lists.js';
import { requireLogin } from '../main.js';

export async function render(view, { params }) {
  const me = session();
  if (!me) {
    requireLogin();
    return;
  }
  const id = params.id === 'me' ? me.id : params.id;
  let profile;
  try {
    profile = await api.get('/api/users/' + encodeURIComponent(id));
  } catch (error) {
    view.append(h('h1', { text: error.status === 404 ? 'No such person' : 'This profile could not be loaded' }), errorBox(error));
    return;
  }
  const own = profile.id === me.id;
  const header = h('section', { class: 'profile card' });
  view.append(header);
  drawProfile(header, profile, own);

  if (own) {
    view.append(await accountSection(), profileForm(profile, updated => drawProfile(header, updated, true)), requestsSection());
  }

  const posts = h('section', { 'aria-labelledby': 'posts-heading' }, h('h2', { id: 'posts-heading', text: 'Posts' }));
  const items = h('div');
  posts.append(items);
  view.append(posts);
  await pagedList(items, cursor => api.get('/api/feed/users/' + encodeURIComponent(profile.id), { query: { cursor } }),
    post => postCard(post), { empty: 'No posts to show.', label: 'Posts' }).ready;
}

function drawProfile(header, profile, own) {
  const website = /^https?:\/\//i.test(profile.website || '') ? profile.website : null;
  replace(header,
    h('img', { class: 'avatar large', src: profile.avatarUrl || `/api/users/${profile.id}/avatar`, alt: '', width: 96, height: 96 }),
    h('div', {},
      h('h1', { text: profile.displayName || '@' + profile.username }),
      profile.displayName ? h('p', { class: 'muted', text: '@' + profile.username }) : null,
      profile.bio ? h('p', { class: 'text', text: profile.bio }) : null,
      profile.location ? h('p', { class: 'muted', text: profile.location }) : null,
      website ? h('p', {}, h('a', { href: website, rel: 'nofollow noopener noreferrer', target: '_blank' }, website)) : null,
      profile.limited ? h('p', { class: 'muted' }, 'This profile is for friends only.') : null,
      own ? null : friendActions(profile)));
}

function friendActions(profile) {
  const status = statusLine();
  const button = h('button', { type: 'button' }, 'Add friend');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post('/api/friends/requests', { toUserId: profile.id });
      button.textContent = 'Request sent';
      say(status, `We told @${profile.username} you would like to be friends.`);
    } catch (error) {
      button.disabled = false;
      say(status, error.message, 'error');
    }
  });
  return h('div', { class: 'row' }, button, reportToggle('user', profile.id), status);
}

async function accountSection() {
  const section = h('section', { class: 'card', 'aria-labelledby': 'account-heading' }, h('h2', { id: 'account-heading', text: 'Your account' }));
  try {
    const account = await api.get('/api/auth/me');
    const status = statusLine();
    section.append(h('p', {}, 'E-mail address: ', h('strong', { text: account.email }),
      account.emailVerified ? ' (verified)' : ' (not verified yet)'));
    if (!account.emailVerified) {
      const resend = h('button', { type: 'button', class: 'secondary' }, 'Send the verification link again');
      resend.addEventListener('click', async () => {
        resend.disabled = true;
        try {
          await api.post('/api/auth/verify-email/resend');
          say(status, 'A new link is on its way.');
        } catch (error) {
          say(status, error.message + (error.retryAfter ? ` (try again in ${error.retryAfter} s)` : ''), 'error');
        } finally {
          resend.disabled = false;
        }
      });
      section.append(resend, status);
    }
  } catch (error) {
    section.append(errorBox(error));
  }
  return section;
}

function profileForm(profile, onSaved) {
  const status = statusLine();
  const form = h('form', { class: 'card', 'aria-labelledby': 'edit-heading' },
    h('h2', { id: 'edit-heading', text: 'Your profile' }),
    field('Display name', { name: 'displayName', maxlength: 50, value: profile.displayName || '' }),
    field('About you', { name: 'bio', maxlength: 500, rows: 3 }, { tag: 'textarea' }),
    field('Website', { name: 'website', type: 'url', maxlength: 200, value: profile.website || '', placeholder: 'https://' }),
    field('Location', { name: 'location', maxlength: 100, value: profile.location || '' }),
    h('button', { type: 'submit' }, 'Save profile'),
    status);
  form.querySelector('textarea').value = profile.bio || '';
  onSubmit(form, status, async values => {
    const updated = await api.patch('/api/users/me', {
      displayName: values.displayName, bio: values.bio, website: values.website, location: values.location,
    });
    say(status, 'Saved.');
    onSaved(updated);
  });
  return form;
}

function requestsSection() {
  const section = h('section', { 'aria-labelledby': 'requests-heading' }, h('h2', { id: 'requests-heading', text: 'Friend requests for you' }));
  const items = h('div');
  section.append(items);
  pagedList(items, cursor => api.get('/api/friends/requests/incoming', { query: { cursor } }), request => {
    const status = statusLine();
    const who = request.user || { id: request.fromUserId };
    const row = h('div', { class: 'request row' },
      h('img', { class: 'avatar small', src: `/api/users/${who.id}/avatar`, alt: '', width: 32, height: 32 }),
      h('a', { href: '/users/' + who.id }, who.displayName || (who.username ? '@' + who.username : 'someone')));
    const answer = (verb, done) => h('button', {
      type: 'button', class: verb === 'accept' ? '' : 'secondary', onclick: async () => {
        try {
          await api.post(`/api/friends/requests/${request.id}/${verb}`);
          replace(row, h('span', { class: 'status ok' }, done));
        } catch (error) {
          say(status, error.message, 'error');
        }
      },
    }, verb === 'accept' ? 'Accept' : 'Decline');
    row.append(answer('accept', 'You are friends now.'), answer('decline', 'Declined.'), status);
    return row;
  }, { empty: 'No requests waiting.', label: 'Friend requests' });
  return section;
}
