import type { DomainInput } from '../schema.ts';

/** Movies: Movies to watch, watched and reviewed. */
export default {
  id: 'movies',
  title: 'Movies',
  kind: 'react-spa',
  signals: { movie: 2, film: 2, watchlist: 3, cinema: 3, 'movie theater': 3, 'movie theatre': 3 },
  entities: {
    Movie: { words: ['movie', 'film'], fields: 'title!, director, releaseYear:integer, genre, rating:integer, watched:boolean' },
    Review: { words: ['review'], fields: 'rating:integer!, body:text, reviewerName', belongsTo: ['Movie'] },
    Showtime: { words: ['showtime', 'screening'], fields: 'startsAt:date!, hall', belongsTo: ['Movie'] },
    Reservation: { words: ['reservation', 'seat reservation', 'booking', 'ticket'], fields: 'name!, seats:integer', belongsTo: ['Showtime'], behaviours: ['booking'] },
  },
  core: ['Movie'],
} satisfies DomainInput;
