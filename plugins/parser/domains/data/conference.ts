import type { DomainInput } from '../schema.ts';

/** Conference: Talks, who gives them, and where. */
export default {
  id: 'conference',
  title: 'Conference',
  kind: 'fullstack',
  signals: { conference: 3, 'tech conference': 3, meetup: 2, speaker: 2, talk: 1.5, agenda: 1 },
  entities: {
    Talk: { words: ['talk', 'session', 'presentation', 'workshop'], fields: 'title!, startsAt:date, abstract:text', belongsTo: ['Speaker', 'Room'] },
    Speaker: { words: ['speaker'], fields: 'name!, bio:text, company' },
    Room: { words: ['room', 'stage', 'hall', 'track'], fields: 'name!, capacity:integer' },
    Attendee: { words: ['attendee', 'participant'], fields: 'name!, email:email!' },
  },
  core: ['Talk', 'Speaker'],
} satisfies DomainInput;
