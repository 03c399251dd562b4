import type { DomainInput } from '../schema.ts';

/** Car maintenance: One person's vehicles and their service history. */
export default {
  id: 'car-maintenance',
  title: 'Car maintenance',
  kind: 'react-spa',
  signals: { 'car maintenance': 3, 'maintenance log': 3, 'oil change': 2, mileage: 2, 'service record': 2 },
  entities: {
    Vehicle: { words: ['vehicle', 'car', 'motorbike', 'motorcycle'], fields: 'make!, model!, year:integer, mileage:integer' },
    ServiceRecord: { words: ['service record', 'service', 'maintenance', 'repair'], fields: 'date:date!, description:text, cost:number, mileage:integer', belongsTo: ['Vehicle'] },
  },
  core: ['Vehicle', 'ServiceRecord'],
} satisfies DomainInput;
