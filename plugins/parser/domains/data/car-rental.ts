import type { DomainInput } from '../schema.ts';

/** Rentals: Things people rent for a period; one thing, one renter at a time. */
export default {
  id: 'car-rental',
  title: 'Rentals',
  kind: 'fullstack',
  signals: { 'car rental': 3, rental: 2, 'bike rental': 3, rent: 1 },
  entities: {
    Car: { words: ['car', 'vehicle'], fields: 'make!, model!, plate, dailyRate:number' },
    Bike: { words: ['bike', 'bicycle', 'scooter'], fields: 'name!, type, hourlyRate:number' },
    Customer: { words: ['customer', 'renter'], fields: 'name!, email:email!, phone' },
    Rental: { words: ['rental'], fields: 'startDate:date!, endDate:date!, total:number', belongsTo: ['Car', 'Bike', 'Customer'], behaviours: ['booking'] },
  },
  core: ['Car', 'Customer', 'Rental'],
} satisfies DomainInput;
