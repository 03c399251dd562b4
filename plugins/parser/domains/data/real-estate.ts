import type { DomainInput } from '../schema.ts';

/** Real estate: Properties for sale or rent, the agents who list them and viewings. */
export default {
  id: 'real-estate',
  title: 'Real estate',
  kind: 'fullstack',
  signals: { 'real estate': 3, realty: 3, realtor: 3, property: 1.5, landlord: 3, tenant: 2, listing: 1, 'for sale': 2, house: 1 },
  entities: {
    Property: { words: ['property', 'house', 'apartment', 'listing', 'flat'], fields: 'title!, address:text, city, price:number, bedrooms:integer', belongsTo: ['Agent'], plural: 'Properties' },
    Agent: { words: ['agent', 'realtor'], fields: 'name!, email:email, phone' },
    Viewing: { words: ['viewing', 'showing'], fields: 'date:date!, visitorName', belongsTo: ['Property'], behaviours: ['booking'] },
    Tenant: { words: ['tenant', 'renter'], fields: 'name!, email:email, phone, leaseEnds:date', belongsTo: ['Property'] },
    Payment: { words: ['payment', 'rent payment'], fields: 'amount:number!, paidOn:date!', belongsTo: ['Tenant'] },
  },
  core: ['Property'],
} satisfies DomainInput;
