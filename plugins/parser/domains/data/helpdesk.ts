import type { DomainInput } from '../schema.ts';

/** Helpdesk: Customers open tickets; agents work on them. */
export default {
  id: 'helpdesk',
  title: 'Helpdesk',
  kind: 'fullstack',
  signals: { helpdesk: 3, 'customer support': 3, support: 1.5, 'support ticket': 3, ticketing: 1, agent: 1 },
  entities: {
    Ticket: { words: ['ticket', 'issue', 'request', 'support ticket', 'support request'], fields: 'title!, description:text, status:enum(open|in-progress|closed), priority:enum(low|medium|high)', belongsTo: ['Customer', 'Agent'] },
    Customer: { words: ['customer', 'requester'], fields: 'name!, email:email!' },
    Agent: { words: ['agent', 'support agent'], fields: 'name!, email:email!' },
    Reply: { words: ['reply', 'response'], fields: 'body:text!', belongsTo: ['Ticket'] },
  },
  core: ['Ticket', 'Customer'],
} satisfies DomainInput;
