import type { DomainInput } from '../schema.ts';

/** Plants and garden: Plants and when they need water. */
export default {
  id: 'plants',
  title: 'Plants and garden',
  kind: 'react-spa',
  signals: { plant: 2, garden: 3, gardening: 3, watering: 2, 'vegetable bed': 2 },
  entities: {
    Plant: { words: ['plant'], fields: 'name!, species, lastWatered:date, wateringDays:integer' },
    Bed: { words: ['bed', 'vegetable bed', 'garden bed', 'raised bed'], fields: 'name!, location' },
    Planting: { words: ['planting', 'planted', 'crop'], fields: 'plant!, plantedOn:date', belongsTo: ['Bed'] },
  },
  core: ['Plant'],
} satisfies DomainInput;
