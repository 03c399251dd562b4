import type { DomainInput } from '../schema.ts';

/** Personal finance: Money coming in and going out, per account and against budgets. */
export default {
  id: 'finance',
  title: 'Personal finance',
  kind: 'react-spa',
  signals: { finance: 3, 'personal finance': 3, budgeting: 3, 'budget planner': 3, budget: 2, money: 2, 'money tracker': 3, bank: 2, income: 1.5 },
  entities: {
    Account: { words: ['account', 'bank account', 'wallet'], fields: 'name!, balance:number, type' },
    Transaction: { words: ['transaction', 'spending', 'income', 'expense', 'expence'], fields: 'description!, amount:number!, type:enum(income|expense), date:date', belongsTo: ['Account', 'Category', 'Budget'] },
    Budget: { words: ['budget'], fields: 'name!, monthlyLimit:number!, month' },
    Category: { words: ['category'], fields: 'name!' },
  },
  core: ['Transaction', 'Budget'],
} satisfies DomainInput;
