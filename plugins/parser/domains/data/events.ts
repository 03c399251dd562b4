import type { DomainInput } from '../schema.ts';

/** Events and ticketing: Events at venues, and the tickets people hold for them. */
export default {
  id: 'events',
  title: 'Events and ticketing',
  kind: 'fullstack',
  signals: { event: 1.5, ticketing: 2, concert: 2, venue: 2, festival: 2, 'event booking': 3, theatre: 2, theater: 2, organiser: 1, organizer: 1, attendee: 1, gig: 2 },
  entities: {
    Event: { words: ['event', 'concert', 'gig', 'festival'], fields: 'title!, date:date!, description:text, capacity:integer', belongsTo: ['Venue'] },
    Venue: { words: ['venue'], fields: 'name!, address:text, capacity:integer' },
    Ticket: { words: ['ticket', 'ticket sale'], fields: 'holderName!, email:email, price:number, status:enum(reserved|paid|cancelled)', belongsTo: ['Event', 'Show'] },
    Attendee: { words: ['attendee', 'participant', 'registration'], fields: 'name!, email:email!', belongsTo: ['Event'] },
    Show: { words: ['show', 'performance'], fields: 'title!, date:date!', belongsTo: ['Venue'] },
    Seat: { words: ['seat'], fields: 'row!, number:integer' },
    Reservation: { words: ['reservation', 'reserve'], fields: 'name!, email:email', belongsTo: ['Show', 'Seat', 'Event'], behaviours: ['booking'] },
  },
  core: ['Event', 'Venue', 'Ticket'],
} satisfies DomainInput;
