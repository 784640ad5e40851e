// Posts and comments: their text (with @mentions and #tags as links), reactions, the composer, reports.

import { api, session } from './api.js';
import { h, field, statusLine, say, onSubmit, time, replace } from './dom.js';

export const REACTIONS = [
  ['like', '👍', 'Like'],
  ['love', '❤️', 'Love'],
  ['laugh', '😂', 'Laugh'],
  ['wow', '😮', 'Wow'],
  ['sad', '😢', 'Sad'],
  ['angry', '😠', 'Angry'],
];

export const VISIBILITIES = [
  ['public', 'Public'],
  ['friends', 'Friends'],
  ['private', 'Only me'],
];

const REPORT_REASONS = [
  ['spam', 'Spam'],
  ['harassment', 'Harassment'],
  ['hate', 'Hate'],
  ['violence', 'Violence'],
  ['sexual', 'Sexual content'],
  ['misinformation', 'Misinformation'],
  ['illegal', 'Illegal'],
  ['other', 'Something else'],
];

/**
 * The text of a post as nodes: plain text, with the entities the server found turned into links.
 * Offsets are UTF-16 indices, as String.slice takes them; anything inconsistent falls back to plain text.
 */
export function richText(text, entities) {
  const marks = [
    ...(entities?.mentions || []).filter(m => m.userId).map(m => ({ ...m, href: '/users/' + m.userId })),
    ...(entities?.hashtags || []).map(t => ({ ...t, href: '/tags/' + encodeURIComponent(t.tag) })),
  ].filter(m => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue; // overlapping: keep the first
    nodes.push(text.slice(at, mark.start), h('a', { href: mark.href }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

function authorLine(author, createdAt, editedAt, extra) {
  return h('p', { class: 'byline' },
    h('img', { class: 'avatar small', src: `/api/users/${author.id}/avatar`, alt: '', width: 32, height: 32 }),
    h('a', { href: '/users/' + author.id, class: 'author' }, '@' + (author.username || 'someone')),
    ' · ', time(createdAt),
    editedAt ? [' · ', h('span', { class: 'muted', title: new Date(editedAt).toLocaleString() }, 'edited')] : null,
    extra);
}

/** Reaction buttons for a post or a comment (kind 'posts' or 'comments'). */
export function reactionBar(kind, target) {
  const bar = h('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' });
  let mine = target.myReaction || null;
  let counts = { ...(kind === 'posts' ? target.counts?.reactions : target.reactions) };
  const status = h('span', { class: 'status small', role: 'status' });

  function draw() {
    replace(bar, REACTIONS.map(([name, emoji, label]) => {
      const n = Number(counts[name] || 0);
      return h('button', {
        type: 'button', class: 'reaction', 'aria-pressed': String(mine === name),
        'aria-label': `${label} (${n})`, title: label,
        onclick: () => toggle(name),
      }, emoji, n ? h('span', { class: 'count' }, String(n)) : null);
    }), status);
  }

  async function toggle(name) {
    if (!session()) {
      say(status, 'Log in to react', 'error');
      return;
    }
    const path = `/api/${kind}/${target.id}/reactions/mine`;
    try {
      if (mine === name) {
        await api.del(path);
        counts[name] = Math.max(0, Number(counts[name] || 0) - 1);
        mine = null;
      } else {
        const answer = await api.put(path, { reaction: name });
        if (answer?.reactions) counts = { ...answer.reactions };
        else {
          if (mine) counts[mine] = Math.max(0, Number(counts[mine] || 0) - 1);
          counts[name] = Number(counts[name] || 0) + 1;
        }
        mine = answer?.reaction || name;
      }
      draw();
    } catch (error) {
      draw();
      say(status, error.message, 'error');
    }
  }

  draw();
  return bar;
}

/** A post as a card. link: the text links to the post's own page. */
export function postCard(post, { link = true } = {}) {
  const visibility = VISIBILITIES.find(([v]) => v === post.visibility)?.[1] || post.visibility;
  const comments = Number(post.counts?.comments || 0);
  return h('article', { class: 'card post', 'aria-label': `Post by @${post.author?.username || 'someone'}` },
    authorLine(post.author || {}, post.createdAt, post.editedAt,
      [' · ', h('span', { class: 'tag-visibility' }, visibility), post.hidden ? [' · ', h('strong', {}, 'hidden by a moderator')] : null]),
    h('p', { class: 'text', lang: post.language || null }, richText(post.text || '', post.entities)),
    h('div', { class: 'actions' },
      reactionBar('posts', post),
      link ? h('a', { href: '/posts/' + post.id, class: 'comments-link' },
        comments === 1 ? '1 comment' : `${comments} comments`) : null));
}

/** A comment; onReply(comment) is given for top-level comments that can be answered. */
export function commentCard(comment, { onDelete } = {}) {
  const me = session();
  const own = me && comment.author && me.id === comment.author.id;
  const status = statusLine();
  return h('article', { class: 'comment', 'aria-label': `Comment by @${comment.author?.username || 'someone'}` },
    authorLine(comment.author || {}, comment.createdAt, comment.editedAt),
    h('p', { class: 'text' }, comment.text || ''),
    h('div', { class: 'actions' },
      reactionBar('comments', comment),
      own ? h('button', {
        type: 'button', class: 'link-button danger', onclick: async event => {
          if (!confirm('Delete this comment?')) return;
          try {
            await api.del('/api/comments/' + comment.id);
            event.target.closest('li')?.remove();
            onDelete?.(comment);
          } catch (error) {
            say(status, error.message, 'error');
          }
        },
      }, 'Delete') : null,
      me && !own ? reportToggle('comment', comment.id) : null),
    status);
}

/** The form that writes a new post; onCreated(post) gets the answer. */
export function composer(onCreated) {
  const status = statusLine();
  const form = h('form', { class: 'card composer', 'aria-label': 'New post' },
    field('What is on your mind?', { name: 'text', required: true, maxlength: 5000, rows: 3 }, { tag: 'textarea' }),
    h('div', { class: 'row' },
      field('Who can see it', { name: 'visibility' }, { tag: 'select', options: VISIBILITIES }),
      field('Language (optional)', { name: 'language', maxlength: 16, placeholder: 'en', size: 6 }),
      h('button', { type: 'submit' }, 'Post')),
    status);
  onSubmit(form, status, async values => {
    const body = { text: values.text, visibility: values.visibility };
    if (values.language.trim()) body.language = values.language.trim();
    const post = await api.post('/api/posts', body);
    form.reset();
    say(status, 'Posted.');
    onCreated?.(post);
  });
  return form;
}

/** A "Report" button that opens a small form (reason and optional comment) for a post, comment or user. */
export function reportToggle(targetKind, targetId) {
  const wrapper = h('span', { class: 'report' });
  const button = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, 'Report');
  const status = statusLine();
  const form = h('form', { class: 'report-form', hidden: true, 'aria-label': 'Report' },
    field('Reason', { name: 'reason', required: true }, { tag: 'select', options: REPORT_REASONS }),
    field('Anything to add (optional)', { name: 'comment', maxlength: 1000, rows: 2 }, { tag: 'textarea' }),
    h('div', { class: 'row' },
      h('button', { type: 'submit' }, 'Send report'),
      h('button', { type: 'button', class: 'secondary', onclick: () => show(false) }, 'Cancel')),
    status);
  function show(open) {
    form.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) form.querySelector('select').focus();
  }
  button.addEventListener('click', () => show(form.hidden));
  onSubmit(form, status, async values => {
    const body = { targetKind, targetId, reason: values.reason };
    if (values.comment.trim()) body.comment = values.comment.trim();
    await api.post('/api/reports', body);
    replace(wrapper, h('span', { class: 'status ok', role: 'status' }, 'Thank you, the moderators will look at it.'));
  });
  wrapper.append(button, form);
  return wrapper;
}
