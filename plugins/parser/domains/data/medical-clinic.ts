import type { DomainInput } from '../schema.ts';

/** Medical clinic: Patients, doctors and the appointments between them. */
export default {
  id: 'medical-clinic',
  title: 'Medical clinic',
  kind: 'fullstack',
  signals: { clinic: 2, medical: 3, doctor: 2, dentist: 3, dental: 2, practice: 1, patient: 1.5, hospital: 2, prescription: 2 },
  entities: {
    Patient: { words: ['patient'], fields: 'name!, birthDate:date, phone, notes:text' },
    Doctor: { words: ['doctor', 'physician'], fields: 'name!, specialty, email:email' },
    Appointment: { words: ['appointment'], fields: 'date:date!, time, reason', belongsTo: ['Patient', 'Doctor'], behaviours: ['booking'] },
    Prescription: { words: ['prescription'], fields: 'medication!, dosage, issuedOn:date', belongsTo: ['Patient', 'Doctor'] },
  },
  core: ['Patient', 'Doctor', 'Appointment'],
} satisfies DomainInput;
