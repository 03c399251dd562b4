import type { DomainInput } from '../schema.ts';

/** Fleet management: A company's vehicles, who drives them and their upkeep. */
export default {
  id: 'fleet',
  title: 'Fleet management',
  kind: 'fullstack',
  signals: { 'fleet management': 3, fleet: 3, driver: 1.5 },
  entities: {
    Vehicle: { words: ['vehicle', 'truck', 'van', 'car'], fields: 'make!, model!, plate, mileage:integer', belongsTo: ['Driver'] },
    Driver: { words: ['driver'], fields: 'name!, licenseNumber, phone' },
    MaintenanceRecord: { words: ['maintenance record', 'maintenance', 'repair', 'service record'], fields: 'date:date!, description:text, cost:number', belongsTo: ['Vehicle'] },
  },
  core: ['Vehicle', 'Driver', 'MaintenanceRecord'],
} satisfies DomainInput;
