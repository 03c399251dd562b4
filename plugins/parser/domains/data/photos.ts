import type { DomainInput } from '../schema.ts';

/** Photos: Photos in albums. */
export default {
  id: 'photos',
  title: 'Photos',
  kind: 'react-spa',
  signals: { photo: 2, gallery: 2, 'photo gallery': 3, 'photo sharing': 3, album: 1, instagram: 3 },
  entities: {
    Album: { words: ['album'], fields: 'title!, description:text' },
    Photo: { words: ['photo', 'picture', 'image'], fields: 'title!, url:url!, takenOn:date, likes:integer', belongsTo: ['Album'] },
    Comment: { words: ['comment'], fields: 'body:text!, authorName', belongsTo: ['Photo'] },
  },
  core: ['Album', 'Photo'],
} satisfies DomainInput;
