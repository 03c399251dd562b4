/**
 * English singular/plural for the nouns people use in app prompts. Rules first fail on the
 * common exceptions (movies, statuses, people), so those are listed before the rules.
 */

const IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  leaf: 'leaves',
  knife: 'knives',
  life: 'lives',
  wife: 'wives',
  shelf: 'shelves',
  wolf: 'wolves',
  half: 'halves',
  loaf: 'loaves',
  thief: 'thieves',
  analysis: 'analyses',
  thesis: 'theses',
  crisis: 'crises',
  criterion: 'criteria',
  index: 'indexes',
  quiz: 'quizzes',
};

const IRREGULAR_SINGULAR: Record<string, string> = Object.fromEntries(Object.entries(IRREGULAR).map(([one, many]) => [many, one]));

/** Words whose singular and plural are the same. */
const UNCOUNTABLE = new Set([
  'news', 'series', 'species', 'sheep', 'fish', 'deer', 'equipment', 'information', 'software', 'hardware',
  'feedback', 'music', 'data', 'inventory', 'furniture', 'luggage', 'rice', 'money', 'weather', 'staff',
  'media', 'metadata', 'clothing', 'merchandise', 'homework', 'research', 'advice', 'jewelry', 'baggage',
]);

/** Singulars ending in -ie, whose plural -ies must not become -y. */
const IE_WORDS = new Set(['movie', 'cookie', 'pie', 'tie', 'calorie', 'zombie', 'rookie', 'selfie', 'smoothie', 'brownie', 'genie', 'lie', 'hoodie', 'sortie', 'goalie', 'veggie', 'auntie', 'freebie', 'newbie', 'birdie']);

/** Singulars ending in -che, whose plural -ches must keep the e. */
const CHE_WORDS = new Set(['cache', 'niche', 'headache', 'avalanche', 'moustache', 'creche']);

/** Singulars ending in -o that take -es. */
const O_ES = new Set(['hero', 'potato', 'tomato', 'echo', 'veto', 'torpedo']);

/** Singulars that end in -s and are not plurals. */
const S_SINGULARS = new Set(['bus', 'status', 'campus', 'virus', 'census', 'bonus', 'canvas', 'atlas', 'alias', 'gas', 'lens', 'plus', 'corpus', 'focus', 'class', 'address', 'process', 'business', 'chess', 'boss', 'dress', 'glass', 'grass', 'kiss', 'pass', 'access', 'progress', 'success', 'fitness', 'wellness', 'always', 'analytics', 'lyrics', 'physics', 'mathematics', 'economics', 'ethics', 'politics', 'diabetes', 'billiards', 'chaos', 'cosmos', 'iris', 'axis', 'basis', 'tennis', 'thesis', 'crisis', 'analysis', 'this', 'yes', 'gps', 'sms', 'css', 'rss', 'aws', 'os']);

export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return matchCase(word, irregular);
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return `${word}es`;
  if (O_ES.has(lower)) return `${word}es`;
  return `${word}s`;
}

export function singularize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower) || S_SINGULARS.has(lower)) return word;
  const irregular = IRREGULAR_SINGULAR[lower];
  if (irregular !== undefined) return matchCase(word, irregular);
  if (IRREGULAR[lower] !== undefined) return word;
  if (lower.endsWith('ies')) {
    const ie = lower.slice(0, -1);
    return IE_WORDS.has(ie) ? word.slice(0, -1) : `${word.slice(0, -3)}y`;
  }
  if (lower.endsWith('ches') && CHE_WORDS.has(lower.slice(0, -1))) return word.slice(0, -1);
  if (/(?:ss|x|zz|ch|sh)es$/.test(lower)) return word.slice(0, -2);
  if (/(?:us|is|ss)$/.test(lower)) return word;
  if (lower.endsWith('oes') && O_ES.has(lower.slice(0, -2))) return word.slice(0, -2);
  if (lower.endsWith('ses') && lower.length > 4 && S_SINGULARS.has(lower.slice(0, -2))) return word.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 2) return word.slice(0, -1);
  return word;
}

/** True when `word` reads as a plural noun (it singularizes to something else). */
export function isPlural(word: string): boolean {
  return singularize(word) !== word;
}

function matchCase(model: string, word: string): string {
  return model.charAt(0) === model.charAt(0).toUpperCase() ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
}
