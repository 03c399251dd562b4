import type { DomainInput } from '../schema.ts';

/** Parking: Parking spots and the cars in them. */
export default {
  id: 'parking',
  title: 'Parking',
  kind: 'fullstack',
  signals: { parking: 3, garage: 1.5, 'parking spot': 3 },
  entities: {
    Spot: { words: ['spot', 'parking spot', 'space', 'bay'], fields: 'number!, level:integer, occupied:boolean' },
    Car: { words: ['car', 'vehicle'], fields: 'plate!, make, model', belongsTo: ['Spot'] },
  },
  core: ['Spot', 'Car'],
} satisfies DomainInput;
