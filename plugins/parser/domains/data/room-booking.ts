import type { DomainInput } from '../schema.ts';

/** Room booking: Rooms in an office and who has booked them when. */
export default {
  id: 'room-booking',
  title: 'Room booking',
  kind: 'fullstack',
  signals: { 'meeting room': 3, 'conference room': 3, coworking: 3, 'desk booking': 3, office: 1 },
  entities: {
    Room: { words: ['room', 'meeting room', 'conference room', 'desk'], fields: 'name!, capacity:integer, floor' },
    Booking: { words: ['booking', 'reservation'], fields: 'date:date!, startTime!, endTime!, bookedBy', belongsTo: ['Room'], behaviours: ['booking'] },
  },
  core: ['Room', 'Booking'],
  behaviours: ['booking'],
} satisfies DomainInput;
