import type { DomainInput } from '../schema.ts';

/** Invoicing: Invoices sent to clients, and what has been paid. */
export default {
  id: 'invoicing',
  title: 'Invoicing',
  kind: 'fullstack',
  signals: { invoice: 2, invoicing: 3, billing: 3, 'line item': 2, freelancer: 1, consultancy: 1 },
  entities: {
    Client: { words: ['client'], fields: 'name!, email:email, address:text' },
    Customer: { words: ['customer'], fields: 'name!, email:email, address:text' },
    Invoice: { words: ['invoice', 'bill'], fields: 'number!, amount:number!, issuedOn:date, dueDate:date, paid:boolean', belongsTo: ['Client', 'Customer'] },
    LineItem: { words: ['line item', 'item'], fields: 'description!, quantity:integer, unitPrice:number', belongsTo: ['Invoice'] },
    Payment: { words: ['payment'], fields: 'amount:number!, paidOn:date!', belongsTo: ['Invoice'] },
  },
  core: ['Client', 'Invoice'],
} satisfies DomainInput;
