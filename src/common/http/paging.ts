import type { Response } from 'express';
import type { SelectQueryBuilder } from 'typeorm';
import type { PageQueryDto } from './page-query.dto';

/** The header that carries how many rows match a paged list. */
export const TOTAL_COUNT_HEADER = 'X-Total-Count';

/** Which rows of a list to answer: `take` undefined is every row from `skip`. */
export interface PageWindow {
  take?: number;
  skip: number;
}

/** The rows of one page and how many rows match in all (what the caller may see). */
export interface Paged<T> {
  rows: T[];
  total: number;
}

/** Every row: what the pages and the first-stage clients get. */
export const WHOLE_LIST: PageWindow = { skip: 0 };

/** The window a query asks for; `unpaged` is the page size of a list that never answered whole (the audit log). */
export function pageWindow(query: PageQueryDto, unpaged?: number): PageWindow {
  return { take: query.limit ?? unpaged, skip: query.offset ?? 0 };
}

export function mapPage<T, U>(page: Paged<T>, map: (row: T) => U): Paged<U> {
  return { rows: page.rows.map(map), total: page.total };
}

/** Sets `X-Total-Count` on the answer and gives the page's rows as its body. */
export function withTotalCount<P extends Paged<unknown>>(response: Response, page: P): P['rows'] {
  response.setHeader(TOTAL_COUNT_HEADER, String(page.total));
  return page.rows;
}

/** The page of `find` options: `findAndCount` with these gives the rows and the total in one call. */
export function takeSkip(window: PageWindow): { take?: number; skip?: number } {
  return { take: window.take, skip: window.skip || undefined };
}

/**
 * A page of a raw select, with the total counted by `count(*) OVER ()` in the same query; only a
 * page past the end (no row to carry the count) asks again. The builder must order by a unique key.
 */
export async function rawPage<T extends object>(
  query: SelectQueryBuilder<object>,
  window: PageWindow,
): Promise<Paged<T>> {
  if (window.take === undefined && window.skip === 0) {
    const rows = await query.getRawMany<T>();
    return { rows, total: rows.length };
  }
  const paged = query.clone().addSelect('COUNT(*) OVER ()', 'page_total').offset(window.skip);
  if (window.take !== undefined) paged.limit(window.take);
  const found = await paged.getRawMany<T & { page_total: string }>();
  const total = found.length > 0 ? Number(found[0].page_total) : window.skip === 0 ? 0 : await query.getCount();
  return { rows: found.map(({ page_total: _total, ...row }) => row as T), total };
}
