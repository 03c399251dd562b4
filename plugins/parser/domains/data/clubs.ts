import type { DomainInput } from '../schema.ts';

/** Clubs and memberships: A club's members and its meetings. */
export default {
  id: 'clubs',
  title: 'Clubs and memberships',
  kind: 'fullstack',
  signals: { club: 2, 'book club': 3, membership: 1.5, meeting: 1.5, association: 2 },
  entities: {
    Member: { words: ['member'], fields: 'name!, email:email!, joinedOn:date' },
    Meeting: { words: ['meeting', 'gathering'], fields: 'date:date!, location, topic' },
  },
  core: ['Member', 'Meeting'],
} satisfies DomainInput;
