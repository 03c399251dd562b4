import { describe, expect, it } from 'vitest';
import { pluralize, singularize } from '../../plugins/parser/inflect.ts';
import { camelCase, kebabCase, pascalCase, sentenceCase, titleCase } from '../../plugins/parser/names.ts';

const pairs: [string, string][] = [
  ['book', 'books'],
  ['category', 'categories'],
  ['movie', 'movies'],
  ['cookie', 'cookies'],
  ['person', 'people'],
  ['child', 'children'],
  ['address', 'addresses'],
  ['status', 'statuses'],
  ['box', 'boxes'],
  ['match', 'matches'],
  ['dish', 'dishes'],
  ['hero', 'heroes'],
  ['photo', 'photos'],
  ['leaf', 'leaves'],
  ['day', 'days'],
  ['quiz', 'quizzes'],
  ['analysis', 'analyses'],
  ['cache', 'caches'],
  ['course', 'courses'],
  ['bus', 'buses'],
  ['software', 'software'],
  ['todo', 'todos'],
];

describe('inflection', () => {
  it.each(pairs)('%s ⇄ %s', (one, many) => {
    expect(pluralize(one)).toBe(many);
    expect(singularize(many)).toBe(one);
    expect(singularize(one)).toBe(one);
  });

  it('keeps the capital of a capitalized word', () => {
    expect(pluralize('Person')).toBe('People');
    expect(singularize('Categories')).toBe('Category');
  });
});

describe('names', () => {
  it('converts between cases', () => {
    expect(pascalCase('order item')).toBe('OrderItem');
    expect(camelCase('OrderItem')).toBe('orderItem');
    expect(kebabCase('dueDate')).toBe('due-date');
    expect(sentenceCase('publishedYear')).toBe('Published year');
    expect(titleCase('bookstore api for the win')).toBe('Bookstore API for the Win');
  });
});
