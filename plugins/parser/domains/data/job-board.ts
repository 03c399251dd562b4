import type { DomainInput } from '../schema.ts';

/** Job board: Companies post jobs; candidates apply. */
export default {
  id: 'job-board',
  title: 'Job board',
  kind: 'fullstack',
  signals: { 'job board': 3, 'jobs board': 3, 'job listing': 3, candidate: 2, recruiting: 3, hiring: 2, 'post job': 2, 'remote job': 2 },
  entities: {
    Job: { words: ['job', 'job listing', 'listing', 'position', 'vacancy', 'opening'], fields: 'title!, location, salary:number, description:text', belongsTo: ['Company'] },
    Company: { words: ['company', 'employer'], fields: 'name!, website:url' },
    Application: { words: ['application', 'candidate', 'applicant'], fields: 'candidateName!, email:email!, coverLetter:text', belongsTo: ['Job'] },
  },
  core: ['Job', 'Company'],
} satisfies DomainInput;
