import type { DomainInput } from '../schema.ts';

/** Travel: Trips, where they go and what happens there. */
export default {
  id: 'travel',
  title: 'Travel',
  kind: 'react-spa',
  signals: { travel: 3, trip: 2, 'trip planner': 3, itinerary: 3, vacation: 2, holiday: 1, 'travel journal': 3, destination: 1 },
  entities: {
    Trip: { words: ['trip', 'journey', 'vacation'], fields: 'name!, startDate:date, endDate:date' },
    Destination: { words: ['destination', 'stop'], fields: 'name!, country, arrivalDate:date', belongsTo: ['Trip'] },
    Activity: { words: ['activity'], fields: 'name!, date:date, notes:text', belongsTo: ['Trip'], plural: 'Activities' },
    Place: { words: ['place', 'location'], fields: 'name!, country, visitedOn:date' },
    Photo: { words: ['photo', 'picture'], fields: 'caption!, url:url!', belongsTo: ['Place', 'Trip'] },
  },
  core: ['Trip', 'Destination', 'Activity'],
} satisfies DomainInput;
