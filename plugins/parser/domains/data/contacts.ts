import type { DomainInput } from '../schema.ts';

/** Contacts: People and how to reach them. */
export default {
  id: 'contacts',
  title: 'Contacts',
  kind: 'react-spa',
  signals: { contact: 2, addressbook: 3, rolodex: 3, 'contact list': 3 },
  entities: {
    Contact: { words: ['contact', 'addressbook'], fields: 'name!, email:email, phone, company, notes:text', belongsTo: ['Group'] },
    Group: { words: ['group'], fields: 'name!' },
  },
  core: ['Contact'],
} satisfies DomainInput;
