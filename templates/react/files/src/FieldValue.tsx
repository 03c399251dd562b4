import { formatValue, safeHref } from './format.ts';
import { hrefOf } from './route.ts';
import type { FieldModel } from './types.ts';

interface Props {
  field: FieldModel;
  value: unknown;
  /** For references: the parent's title, looked up by the caller. */
  parentTitle?: string | undefined;
}

/** One value shown the way its type reads best: links for emails, URLs and parents. */
export function FieldValue({ field, value, parentTitle }: Props) {
  if (value === undefined || value === null || value === '') return <span className="empty">—</span>;
  const text = formatValue(field, value);
  switch (field.type) {
    case 'email':
      return <a href={`mailto:${text}`}>{text}</a>;
    case 'url': {
      const href = safeHref(text);
      return href === undefined ? <>{text}</> : <a href={href} rel="noreferrer">{text}</a>;
    }
    case 'reference':
      return field.references === undefined || typeof value !== 'number' ? <>{text}</> : <a href={hrefOf({ view: 'detail', key: field.references, id: value })}>{parentTitle ?? `#${text}`}</a>;
    case 'text':
      return <span className="long-text">{text}</span>;
    default:
      return <>{text}</>;
  }
}
