import type { DomainInput } from '../schema.ts';

/** Salon appointments: Clients book services at a time slot. */
export default {
  id: 'salon',
  title: 'Salon appointments',
  kind: 'fullstack',
  signals: { salon: 3, 'hair salon': 3, barber: 3, barbershop: 3, massage: 3, therapist: 2, stylist: 2, 'time slot': 2, appointment: 1 },
  entities: {
    Client: { words: ['client', 'customer'], fields: 'name!, phone, email:email' },
    Stylist: { words: ['stylist', 'hairdresser'], fields: 'name!, specialty' },
    Service: { words: ['service', 'treatment'], fields: 'name!, durationMinutes:integer, price:number' },
    Appointment: { words: ['appointment', 'session', 'booking', 'time slot', 'slot'], fields: 'date:date!, time!, notes:text', belongsTo: ['Client', 'Stylist', 'Service'], behaviours: ['booking'] },
  },
  core: ['Client', 'Service', 'Appointment'],
} satisfies DomainInput;
