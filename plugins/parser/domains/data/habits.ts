import type { DomainInput } from '../schema.ts';

/** Habits: Habits checked off day by day, with their streaks. */
export default {
  id: 'habits',
  title: 'Habits',
  kind: 'react-spa',
  signals: { habit: 3, habbit: 3, streak: 2, 'check off': 2 },
  entities: {
    Habit: { words: ['habit', 'habbit'], fields: 'name!, frequency:enum(daily|weekly|monthly), streak:integer, doneToday:boolean, lastDoneOn:date' },
  },
  core: ['Habit'],
} satisfies DomainInput;
