import type { DomainInput } from '../schema.ts';

/** Pet adoption: Animals waiting for a home and the people who apply to adopt them. */
export default {
  id: 'pet-adoption',
  title: 'Pet adoption',
  kind: 'fullstack',
  signals: { adoption: 3, adopt: 3, shelter: 3, 'animal shelter': 3, rescue: 2, adopter: 2 },
  entities: {
    Animal: { words: ['animal', 'pet', 'dog', 'cat'], fields: 'name!, species, breed, age:integer, adopted:boolean' },
    Adopter: { words: ['adopter'], fields: 'name!, email:email, phone' },
    Application: { words: ['application', 'adoption application'], fields: 'applicantName!, email:email!, status:enum(pending|approved|rejected), message:text', belongsTo: ['Animal', 'Adopter'] },
    Adoption: { words: ['adoption'], fields: 'date:date!, notes:text', belongsTo: ['Animal', 'Adopter'] },
  },
  core: ['Animal', 'Application'],
} satisfies DomainInput;
