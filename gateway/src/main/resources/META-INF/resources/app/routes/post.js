// "/posts/{id}": one post with its versions, its comments (one level of replies), editing for its author
// and a report button for everyone else.

import { api, session } from '../api.js';
import { h, field, statusLine, say, onSubmit, replace, errorBox, time } from '../dom.js';
import { postCard, commentCard, reportToggle, VISIBILITIES } from '../posts.js';
import { pagedList } from '../lists.js';
import { navigate } from '../main.js';

export async function render(view, { params }) {
  const id = params.id;
  let post;
  try {
    post = await api.get('/api/posts/' + encodeURIComponent(id));
  } catch (error) {
    view.append(h('h1', { text: error.status === 404 ? 'Post not found' : 'This post could not be loaded' }), errorBox(error));
    return;
  }
  const me = session();
  const own = me && post.author && me.id === post.author.id;
  const cardHost = h('div');
  const tools = h('div', { class: 'tools' });
  const versionsHost = h('section', { class: 'versions', 'aria-label': 'Versions' });
  view.append(h('h1', { class: 'visually-hidden', text: `Post by @${post.author?.username || 'someone'}` }), cardHost, tools, versionsHost);

  function drawPost() {
    replace(cardHost, postCard(post, { link: false }));
    replace(tools,
      post.editedAt || post.version > 1 ? h('button', { type: 'button', class: 'link-button', onclick: showVersions }, 'Earlier versions') : null,
      own ? h('button', { type: 'button', class: 'link-button', onclick: edit }, 'Edit') : null,
      own ? h('button', { type: 'button', class: 'link-button danger', onclick: remove }, 'Delete') : null,
      me && !own ? reportToggle('post', post.id) : null);
  }

  async function showVersions() {
    replace(versionsHost, h('h2', { text: 'Versions' }));
    const items = h('div');
    versionsHost.append(items);
    pagedList(items, cursor => api.get(`/api/posts/${post.id}/versions`, { query: { cursor } }), version =>
      h('article', { class: 'card version' },
        h('p', { class: 'byline' }, `Version ${version.number}`, ' · ', time(version.editedAt), ' · ',
          VISIBILITIES.find(([v]) => v === version.visibility)?.[1] || version.visibility || ''),
        h('p', { class: 'text' }, version.text || '')), { empty: 'No earlier versions.', label: 'Versions' });
  }

  function edit() {
    const status = statusLine();
    const form = h('form', { class: 'card', 'aria-label': 'Edit post' },
      field('Text', { name: 'text', required: true, maxlength: 5000, rows: 4, value: post.text }, { tag: 'textarea' }),
      field('Who can see it', { name: 'visibility' }, { tag: 'select', options: VISIBILITIES }),
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save'),
        h('button', { type: 'button', class: 'secondary', onclick: drawPost }, 'Cancel')),
      status);
    form.querySelector('textarea').value = post.text;
    form.querySelector('select').value = post.visibility;
    onSubmit(form, status, async values => {
      post = await api.patch('/api/posts/' + post.id, { text: values.text, visibility: values.visibility });
      drawPost();
    });
    replace(cardHost, form);
    replace(tools);
    form.querySelector('textarea').focus();
  }

  async function remove() {
    if (!confirm('Delete this post? This cannot be undone.')) return;
    try {
      await api.del('/api/posts/' + post.id);
      navigate('/feed');
    } catch (error) {
      tools.append(errorBox(error));
    }
  }

  drawPost();

  const comments = h('section', { 'aria-labelledby': 'comments-heading' }, h('h2', { id: 'comments-heading', text: 'Comments' }));
  const listHost = h('div');
  let list;
  if (me) {
    comments.append(commentForm(post.id, null, comment => list.prepend(comment)));
  } else {
    comments.append(h('p', {}, h('a', { href: '/login?next=' + encodeURIComponent(location.pathname) }, 'Log in'), ' to comment.'));
  }
  comments.append(listHost);
  view.append(comments);
  list = pagedList(listHost, cursor => api.get(`/api/posts/${post.id}/comments`, { query: { cursor } }),
    comment => threaded(comment, post.id), { empty: 'No comments yet.', label: 'Comments' });
  await list.ready;
}

/** A top-level comment with its replies (loaded on demand) and a reply form. */
function threaded(comment, postId) {
  const box = h('div', { class: 'thread' }, commentCard(comment));
  const repliesHost = h('div', { class: 'replies' });
  let replies = null;
  const controls = h('div', { class: 'row' });
  if (comment.replies > 0) {
    const show = h('button', { type: 'button', class: 'link-button' },
      comment.replies === 1 ? 'Show 1 reply' : `Show ${comment.replies} replies`);
    show.addEventListener('click', () => {
      show.remove();
      replies = pagedList(repliesHost, cursor => api.get(`/api/comments/${comment.id}/replies`, { query: { cursor } }),
        reply => commentCard(reply), { empty: 'No replies.', label: 'Replies' });
    });
    controls.append(show);
  }
  if (session()) {
    const reply = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, 'Reply');
    const formHost = h('div', { class: 'reply-host' });
    reply.addEventListener('click', () => {
      if (formHost.firstChild) {
        replace(formHost);
        reply.setAttribute('aria-expanded', 'false');
        return;
      }
      reply.setAttribute('aria-expanded', 'true');
      replace(formHost, commentForm(postId, comment.id, created => {
        replace(formHost);
        reply.setAttribute('aria-expanded', 'false');
        if (replies) replies.prepend(created);
        else repliesHost.append(commentCard(created));
      }));
      formHost.querySelector('textarea').focus();
    });
    controls.append(reply, formHost);
  }
  box.append(controls, repliesHost);
  return box;
}

function commentForm(postId, parentId, onCreated) {
  const status = statusLine();
  const form = h('form', { class: 'comment-form', 'aria-label': parentId ? 'Reply' : 'New comment' },
    field(parentId ? 'Your reply' : 'Write a comment', { name: 'text', required: true, maxlength: 5000, rows: 2 }, { tag: 'textarea' }),
    h('button', { type: 'submit' }, parentId ? 'Reply' : 'Comment'),
    status);
  onSubmit(form, status, async values => {
    const body = { text: values.text };
    if (parentId) body.parentId = parentId;
    const created = await api.post(`/api/posts/${postId}/comments`, body);
    form.reset();
    say(status, '');
    onCreated(created);
  });
  return form;
}
