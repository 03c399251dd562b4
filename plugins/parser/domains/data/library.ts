import type { DomainInput } from '../schema.ts';

/** Lending library: Books members borrow, and when each loan is due back. */
export default {
  id: 'library',
  title: 'Lending library',
  kind: 'fullstack',
  signals: { library: 2, lending: 3, loan: 2, borrow: 2, borrower: 2, 'lending library': 3, librarian: 3 },
  entities: {
    Book: { words: ['book', 'title'], fields: 'title!, author, isbn, publishedYear:integer, available:boolean', belongsTo: ['Author'] },
    Author: { words: ['author', 'writer'], fields: 'name!, bio:text' },
    Member: { words: ['member', 'borrower', 'patron'], fields: 'name!, email:email!, joinedOn:date' },
    Loan: { words: ['loan', 'borrowing'], fields: 'loanedOn:date!, dueDate:date!, returned:boolean', belongsTo: ['Book', 'Member'] },
  },
  core: ['Book', 'Member', 'Loan'],
} satisfies DomainInput;
