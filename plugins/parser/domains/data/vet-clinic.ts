import type { DomainInput } from '../schema.ts';

/** Vet clinic: Owners, their pets and the visits the pets make. */
export default {
  id: 'vet-clinic',
  title: 'Vet clinic',
  kind: 'fullstack',
  signals: { vet: 3, veterinary: 3, veterinarian: 3, 'animal hospital': 3, 'vet clinic': 3, pet: 1, vaccination: 1 },
  entities: {
    Owner: { words: ['owner', 'pet owner', 'client'], fields: 'name!, email:email, phone, address:text' },
    Pet: { words: ['pet', 'animal', 'patient'], fields: 'name!, species, breed, birthDate:date', belongsTo: ['Owner'] },
    Visit: { words: ['visit', 'checkup'], fields: 'date:date!, reason, notes:text', belongsTo: ['Pet'] },
    Appointment: { words: ['appointment'], fields: 'date:date!, time, reason', belongsTo: ['Pet'], behaviours: ['booking'] },
    Vaccination: { words: ['vaccination', 'vaccine'], fields: 'vaccine!, givenOn:date, dueDate:date', belongsTo: ['Pet'] },
    Invoice: { words: ['invoice', 'bill'], fields: 'number!, amount:number!, paid:boolean', belongsTo: ['Owner'] },
  },
  core: ['Owner', 'Pet', 'Visit'],
} satisfies DomainInput;
