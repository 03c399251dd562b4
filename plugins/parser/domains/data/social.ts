import type { DomainInput } from '../schema.ts';

/** Social network: Profiles that post, follow and comment. */
export default {
  id: 'social',
  title: 'Social network',
  kind: 'fullstack',
  signals: { twitter: 3, 'social network': 3, 'social media': 3, clone: 1, follower: 2, feed: 1, profile: 1.5 },
  entities: {
    Profile: { words: ['profile', 'user profile'], fields: 'username!, bio:text, followers:integer' },
    Post: { words: ['post', 'tweet', 'status update'], fields: 'body:text!, likes:integer', belongsTo: ['Profile'] },
    Comment: { words: ['comment', 'reply'], fields: 'body:text!', belongsTo: ['Post'] },
  },
  core: ['Profile', 'Post'],
} satisfies DomainInput;
