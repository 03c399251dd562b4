import type { DomainInput } from '../schema.ts';

/** Wedding and RSVPs: Guests and their answers. */
export default {
  id: 'wedding',
  title: 'Wedding and RSVPs',
  kind: 'fullstack',
  signals: { wedding: 2, rsvp: 3, 'guest list': 3 },
  entities: {
    Guest: { words: ['guest', 'invitee'], fields: 'name!, email:email, rsvp:enum(pending|yes|no), mealChoice, plusOne:boolean' },
  },
  core: ['Guest'],
} satisfies DomainInput;
