import type { DomainInput } from '../schema.ts';

/** Donations: Donations from donors to campaigns. */
export default {
  id: 'donations',
  title: 'Donations',
  kind: 'fullstack',
  signals: { donation: 3, charity: 3, fundraising: 3, donor: 2, campaign: 1.5, nonprofit: 3 },
  entities: {
    Donor: { words: ['donor', 'supporter'], fields: 'name!, email:email' },
    Campaign: { words: ['campaign', 'fundraiser', 'cause'], fields: 'name!, goal:number, endsOn:date' },
    Donation: { words: ['donation', 'gift', 'pledge'], fields: 'amount:number!, date:date, donorName', belongsTo: ['Donor', 'Campaign'] },
  },
  core: ['Donor', 'Campaign', 'Donation'],
} satisfies DomainInput;
