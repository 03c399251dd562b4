import type { DomainInput } from '../schema.ts';

/** Music: Songs, albums and the artists who made them. */
export default {
  id: 'music',
  title: 'Music',
  kind: 'react-spa',
  signals: { music: 3, 'music library': 3, song: 1.5, album: 1.5, vinyl: 3, playlist: 2, spotify: 2 },
  entities: {
    Song: { words: ['song', 'track'], fields: 'title!, durationSeconds:integer, genre', belongsTo: ['Album', 'Artist'] },
    Album: { words: ['album'], fields: 'title!, releaseYear:integer', belongsTo: ['Artist'] },
    Artist: { words: ['artist', 'band'], fields: 'name!, country' },
    Playlist: { words: ['playlist'], fields: 'name!, description:text' },
    Record: { words: ['record', 'vinyl record', 'vinyl', 'lp'], fields: 'title!, year:integer, condition', belongsTo: ['Artist'] },
  },
  core: ['Song', 'Album', 'Artist'],
} satisfies DomainInput;
