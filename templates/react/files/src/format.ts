import type { FieldModel } from './types.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored `yyyy-mm-dd` as the reader's locale writes dates; the day never shifts with time zones. */
export function formatDate(value: string, locale?: string): string {
  const match = DATE.exec(value);
  if (match === null) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A value as text for a person: dates and numbers in the reader's locale, yes/no for booleans. */
export function formatValue(field: FieldModel, value: unknown, locale?: string): string {
  if (value === undefined || value === null || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : String(value);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value) : String(value);
    default:
      return String(value);
  }
}

/** Only web addresses become links; anything else stored in a URL field stays text. */
export function safeHref(value: string): string | undefined {
  return /^https?:\/\//i.test(value) ? value : undefined;
}
