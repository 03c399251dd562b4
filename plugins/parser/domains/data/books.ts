import type { DomainInput } from '../schema.ts';

/** Books: Books, their authors and what has been read. */
export default {
  id: 'books',
  title: 'Books',
  kind: 'react-spa',
  signals: { bookstore: 3, bookshop: 3, 'reading list': 3, reading: 2, 'book tracker': 3, goodreads: 3 },
  entities: {
    Book: { words: ['book', 'novel'], fields: 'title!, author, isbn, publishedYear:integer, price:number, rating:integer, read:boolean', belongsTo: ['Author'] },
    Author: { words: ['author', 'writer'], fields: 'name!, bio:text, birthDate:date' },
    Goal: { words: ['goal', 'reading goal'], fields: 'year:integer!, target:integer!' },
  },
  core: ['Book'],
} satisfies DomainInput;
