import type { DomainInput } from '../schema.ts';

/** Polls: Polls with options people vote for, and the tally. */
export default {
  id: 'polls',
  title: 'Polls',
  kind: 'fullstack',
  signals: { poll: 3, 'straw poll': 3, voting: 3, vote: 2 },
  entities: {
    Poll: { words: ['poll', 'question'], fields: 'question!, closesOn:date', behaviours: ['voting'] },
    Option: { words: ['option', 'choice', 'answer'], fields: 'text!, votes:integer', belongsTo: ['Poll'] },
  },
  core: ['Poll', 'Option'],
  behaviours: ['voting'],
} satisfies DomainInput;
