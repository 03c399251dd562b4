import type { DomainInput } from '../schema.ts';

/** Fitness: Workouts and the exercises in them. */
export default {
  id: 'fitness',
  title: 'Fitness',
  kind: 'react-spa',
  signals: { fitness: 3, workout: 2, gym: 1, exercise: 1.5, running: 2, 'running log': 3, coach: 2, rep: 1 },
  entities: {
    Workout: { words: ['workout', 'training', 'workout plan', 'training plan'], fields: 'name!, date:date, durationMinutes:integer, notes:text', belongsTo: ['Client'] },
    Exercise: { words: ['exercise'], fields: 'name!, sets:integer, reps:integer, weight:number', belongsTo: ['Workout'] },
    Run: { words: ['run'], fields: 'date:date!, distance:number!, durationMinutes:integer' },
    Client: { words: ['client', 'athlete'], fields: 'name!, email:email, goal' },
  },
  core: ['Workout', 'Exercise'],
} satisfies DomainInput;
