import type { DomainInput } from '../schema.ts';

/** Bookmarks: Saved links to come back to. */
export default {
  id: 'bookmarks',
  title: 'Bookmarks',
  kind: 'react-spa',
  signals: { bookmark: 3, 'read later': 3 },
  entities: {
    Bookmark: { words: ['bookmark'], fields: 'title!, url:url!, tags, favorite:boolean' },
    Article: { words: ['article', 'link', 'story'], fields: 'title!, url:url!, read:boolean' },
  },
  core: ['Bookmark'],
} satisfies DomainInput;
