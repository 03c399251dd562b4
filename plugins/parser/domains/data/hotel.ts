import type { DomainInput } from '../schema.ts';

/** Hotel: Rooms, guests and their stays; a room cannot be booked twice for the same night. */
export default {
  id: 'hotel',
  title: 'Hotel',
  kind: 'fullstack',
  signals: { hotel: 3, hostel: 3, motel: 3, 'bed and breakfast': 3, inn: 2, 'front desk': 2, guest: 1, room: 0.5 },
  entities: {
    Room: { words: ['room', 'bedroom', 'suite'], fields: 'number!, type, capacity:integer, pricePerNight:number' },
    Guest: { words: ['guest'], fields: 'name!, email:email, phone', belongsTo: ['Bed'] },
    Booking: { words: ['booking', 'reservation', 'stay'], fields: 'checkIn:date!, checkOut:date!, guestName', belongsTo: ['Room', 'Guest'], behaviours: ['booking'] },
    Bed: { words: ['bed'], fields: 'label!, available:boolean', belongsTo: ['Room'] },
  },
  core: ['Room', 'Guest', 'Booking'],
} satisfies DomainInput;
