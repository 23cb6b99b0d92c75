/** Rows on one page of a list in the browser. */
export const LIST_PAGE = 50;

/** "Visar 1–50 av 1 350" with the addresses of the previous and next pages (null where there is none). */
export interface Pager {
  summary: string;
  total: number;
  previous: string | null;
  next: string | null;
}

const count = (n: number) => n.toLocaleString('sv-SE').replace(/\s/g, ' ');

/** Where a list page starts, from `?offset=` in the address: anything but a whole number from 0 is the first page. */
export function offsetFrom(value: unknown): number {
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 0;
}

/** A list's address with its filter (empty values left out) and where the page starts (0 left out). */
export function pageHref(path: string, params: Record<string, string | undefined>, offset: number): string {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  if (offset > 0) search.set('offset', String(offset));
  const query = search.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** The pager of a page of `limit` rows from `offset` showing `shown` of `total`; `href` gives a page's address by its offset. */
export function pager(
  at: { offset: number; limit: number; shown: number; total: number },
  href: (offset: number) => string,
): Pager {
  const { offset, limit, shown, total } = at;
  return {
    summary:
      shown === 0
        ? `Visar 0 av ${count(total)}`
        : `Visar ${count(offset + 1)}–${count(offset + shown)} av ${count(total)}`,
    total,
    previous: offset > 0 ? href(Math.max(0, Math.min(offset, total) - limit)) : null,
    next: offset + limit < total ? href(offset + limit) : null,
  };
}

/** Where a list page starts and how many rows there are in all; a page without it shows every row. */
export interface Listed {
  offset: number;
  total: number;
}

/** The pager of a list page at `path` (its filter in `params`) showing `shown` rows. */
export function listPager(
  path: string,
  params: Record<string, string | undefined>,
  listed: Listed | undefined,
  shown: number,
): Pager {
  const { offset, total } = listed ?? { offset: 0, total: shown };
  return pager({ offset, limit: LIST_PAGE, shown, total }, (at) => pageHref(path, params, at));
}
