import type { DomainInput } from '../schema.ts';

/** Job applications: The jobs one person applied for and where each application stands. */
export default {
  id: 'job-hunt',
  title: 'Job applications',
  kind: 'react-spa',
  signals: { 'application tracker': 3, 'job application': 2, 'job hunt': 3, 'job search': 3 },
  entities: {
    Job: { words: ['job', 'job application', 'application'], fields: 'title!, company!, status:enum(applied|interview|offer|rejected), appliedOn:date' },
  },
  core: ['Job'],
} satisfies DomainInput;
