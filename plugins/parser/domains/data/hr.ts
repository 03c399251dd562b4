import type { DomainInput } from '../schema.ts';

/** HR: Employees, their departments and their leave. */
export default {
  id: 'hr',
  title: 'HR',
  kind: 'react-spa',
  signals: { hr: 3, employee: 1.5, 'employee directory': 3, payroll: 2, leave: 1.5, staff: 1 },
  entities: {
    Employee: { words: ['employee', 'staff member', 'worker', 'staff'], fields: 'name!, email:email!, position, salary:number, hiredOn:date', belongsTo: ['Department'] },
    Department: { words: ['department'], fields: 'name!, description:text' },
    LeaveRequest: { words: ['leave request', 'leave', 'time off', 'vacation request'], fields: 'startDate:date!, endDate:date!, status:enum(pending|approved|rejected)', belongsTo: ['Employee'] },
  },
  core: ['Employee', 'Department'],
} satisfies DomainInput;
