import type { DomainInput } from '../schema.ts';

/** Homework: Assignments per subject and when they are due. */
export default {
  id: 'homework',
  title: 'Homework',
  kind: 'react-spa',
  signals: { homework: 3, assignment: 2, 'school work': 2 },
  entities: {
    Assignment: { words: ['assignment', 'homework assignment', 'homework'], fields: 'title!, dueDate:date, done:boolean', belongsTo: ['Subject'] },
    Subject: { words: ['subject'], fields: 'name!, teacher' },
  },
  core: ['Assignment', 'Subject'],
} satisfies DomainInput;
