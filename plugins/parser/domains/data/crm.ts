import type { DomainInput } from '../schema.ts';

/** CRM: A sales team's contacts, the companies they work at and the deals in the pipeline. */
export default {
  id: 'crm',
  title: 'CRM',
  kind: 'fullstack',
  signals: { crm: 3, 'customer relationship management': 3, 'sales team': 2, pipeline: 2, lead: 1, deal: 1.5 },
  entities: {
    Contact: { words: ['contact'], fields: 'name!, email:email, phone, notes:text', belongsTo: ['Company'] },
    Company: { words: ['company', 'organisation', 'organization', 'account'], fields: 'name!, website:url, industry' },
    Deal: { words: ['deal', 'opportunity'], fields: 'title!, value:number, stage:enum(lead|qualified|won|lost)', belongsTo: ['Company', 'Client'] },
    Lead: { words: ['lead', 'prospect'], fields: 'name!, email:email, source, status:enum(new|contacted|qualified|lost)' },
    Note: { words: ['note'], fields: 'body:text!', belongsTo: ['Contact', 'Deal'] },
    Task: { words: ['task', 'follow up', 'followup', 'follow up task'], fields: 'title!, dueDate:date, done:boolean', belongsTo: ['Deal', 'Contact'] },
    Client: { words: ['client', 'customer'], fields: 'name!, email:email, phone, company' },
  },
  core: ['Contact', 'Company', 'Deal'],
} satisfies DomainInput;
