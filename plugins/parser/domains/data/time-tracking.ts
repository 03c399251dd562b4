import type { DomainInput } from '../schema.ts';

/** Time tracking: Hours worked, per project and client. */
export default {
  id: 'time-tracking',
  title: 'Time tracking',
  kind: 'react-spa',
  signals: { 'time tracker': 3, 'time tracking': 3, timesheet: 3, hour: 1.5, 'log hours': 2, freelancer: 1 },
  entities: {
    Client: { words: ['client'], fields: 'name!, email:email, hourlyRate:number' },
    Project: { words: ['project'], fields: 'name!, hourlyRate:number', belongsTo: ['Client'] },
    TimeEntry: { words: ['time entry', 'hour', 'timesheet entry'], fields: 'date:date!, hours:number!, description', belongsTo: ['Project', 'Employee'], plural: 'TimeEntries' },
    Employee: { words: ['employee'], fields: 'name!, email:email' },
  },
  core: ['Project', 'TimeEntry'],
} satisfies DomainInput;
