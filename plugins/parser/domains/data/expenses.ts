import type { DomainInput } from '../schema.ts';

/** Expenses: What was spent, on what, when. */
export default {
  id: 'expenses',
  title: 'Expenses',
  kind: 'react-spa',
  signals: { expense: 2, expence: 2, 'expense tracker': 3, 'expence tracker': 3, 'expense report': 3, spending: 1 },
  entities: {
    Expense: { words: ['expense', 'expence', 'spending'], fields: 'description!, amount:number!, category, spentOn:date', belongsTo: ['Category', 'Employee'] },
    Category: { words: ['category'], fields: 'name!, budget:number' },
    Employee: { words: ['employee', 'staff member'], fields: 'name!, email:email' },
  },
  core: ['Expense', 'Category'],
} satisfies DomainInput;
