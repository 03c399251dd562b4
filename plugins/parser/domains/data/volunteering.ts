import type { DomainInput } from '../schema.ts';

/** Volunteering: Shifts volunteers sign up for. */
export default {
  id: 'volunteering',
  title: 'Volunteering',
  kind: 'fullstack',
  signals: { volunteer: 3, volunteering: 3, shift: 1.5 },
  entities: {
    Volunteer: { words: ['volunteer'], fields: 'name!, email:email!, phone' },
    Shift: { words: ['shift'], fields: 'date:date!, startTime!, endTime, role', belongsTo: ['Volunteer'], behaviours: ['booking'] },
  },
  core: ['Volunteer', 'Shift'],
} satisfies DomainInput;
