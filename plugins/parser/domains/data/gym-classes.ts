import type { DomainInput } from '../schema.ts';

/** Gym classes: Classes members book a spot in, up to each class's capacity. */
export default {
  id: 'gym-classes',
  title: 'Gym classes',
  kind: 'fullstack',
  signals: { 'gym class': 3, 'yoga studio': 3, studio: 2, yoga: 2, pilates: 2, 'fitness class': 3, 'climbing gym': 3, gym: 1.5, membership: 2, instructor: 1, spot: 1 },
  entities: {
    FitnessClass: { words: ['class', 'fitness class', 'yoga class', 'gym class', 'session'], fields: 'name!, startsAt:date!, capacity:integer', belongsTo: ['Instructor'], plural: 'FitnessClasses' },
    Instructor: { words: ['instructor', 'trainer'], fields: 'name!, email:email' },
    Member: { words: ['member'], fields: 'name!, email:email!, joinedOn:date' },
    Booking: { words: ['booking', 'spot', 'reservation'], fields: 'bookedOn:date', belongsTo: ['Member', 'FitnessClass'], behaviours: ['booking'] },
    Membership: { words: ['membership'], fields: 'type!, startsOn:date!, endsOn:date', belongsTo: ['Member'] },
  },
  core: ['Member', 'FitnessClass', 'Booking'],
} satisfies DomainInput;
