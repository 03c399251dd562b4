import type { DomainInput } from '../schema.ts';

/** Blog: Posts, the comments readers leave and how posts are grouped. */
export default {
  id: 'blog',
  title: 'Blog',
  kind: 'react-spa',
  signals: { blog: 3, blogging: 3, 'personal blog': 3, post: 0.5 },
  entities: {
    Post: { words: ['post', 'article', 'blog post', 'entry'], fields: 'title!, body:text!, published:boolean, publishedOn:date', belongsTo: ['Author', 'Category'] },
    Comment: { words: ['comment'], fields: 'body:text!, authorName', belongsTo: ['Post'] },
    Author: { words: ['author', 'writer'], fields: 'name!, email:email, bio:text' },
    Tag: { words: ['tag'], fields: 'name!', behaviours: ['tags'] },
    Category: { words: ['category'], fields: 'name!, description:text' },
    PostTag: { words: ['post tag'], fields: 'addedOn:date', joins: ['Post', 'Tag'], implied: true },
  },
  core: ['Post', 'Comment'],
} satisfies DomainInput;
