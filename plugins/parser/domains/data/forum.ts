import type { DomainInput } from '../schema.ts';

/** Forum: Threads in categories and the posts that answer them. */
export default {
  id: 'forum',
  title: 'Forum',
  kind: 'fullstack',
  signals: { forum: 3, 'discussion forum': 3, 'message board': 3, community: 1, thread: 1.5, topic: 1, reddit: 3 },
  entities: {
    Category: { words: ['category', 'board', 'subforum'], fields: 'name!, description:text', plural: 'Categories' },
    Thread: { words: ['thread', 'topic', 'discussion'], fields: 'title!, body:text', belongsTo: ['Category'] },
    Post: { words: ['post', 'reply', 'answer'], fields: 'body:text!, authorName', belongsTo: ['Thread'] },
  },
  core: ['Category', 'Thread', 'Post'],
} satisfies DomainInput;
