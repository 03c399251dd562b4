import { PAGE_SIZE } from './items.ts';
import { hrefOf } from './route.ts';

interface Props {
  entityKey: string;
  plural: string;
  page: number;
  shown: number;
  total: number;
}

/** "Showing 21–25 of 25" and links to the previous and next pages, which are URLs of their own. */
export function Pager({ entityKey, plural, page, shown, total }: Props) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <nav className="pager" aria-label={`Pages of ${plural}`}>
      <p className="count" aria-live="polite">
        {total === 0 ? `No ${plural}` : `Showing ${first}–${first + shown - 1} of ${total}`}
      </p>
      {pages > 1 && (
        <p className="pages">
          {page > 1 ? <a href={hrefOf({ view: 'list', key: entityKey, page: page - 1 })}>Previous page</a> : <span aria-hidden="true">Previous page</span>}
          <span>{`Page ${page} of ${pages}`}</span>
          {page < pages ? <a href={hrefOf({ view: 'list', key: entityKey, page: page + 1 })}>Next page</a> : <span aria-hidden="true">Next page</span>}
        </p>
      )}
    </nav>
  );
}
