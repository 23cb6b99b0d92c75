import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';

/** How many computed reads a process keeps (a term's balance, a page of a list, …): bounded memory. */
const ENTRIES = 500;

interface Entry {
  revision: string;
  value: Promise<unknown>;
}

/**
 * Computed reads kept while the data they were computed from is unchanged. Every committed change
 * bumps one revision number in the database (migration DataRevision), so a read cached at revision
 * r is right for as long as the revision is r, in every process; a change made by any process, or
 * by hand in psql, is seen by the next read. Checking costs one tiny query.
 *
 * Only for reads outside a transaction (a transaction sees its own uncommitted writes, which the
 * revision does not count). Cached values are frozen: a caller that changed one would change it
 * for everyone after it.
 */
@Injectable()
export class ReadCache {
  private readonly entries = new LRUCache<string, Entry>({ max: ENTRIES });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The value of `load()` for `key`, computed again only after the data changed. */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    // Read before loading: data read after it is at least this new, so it may be kept under it.
    const revision = await this.revision();
    const entry = this.entries.get(key);
    if (entry?.revision === revision) return entry.value as Promise<T>;
    // The promise is kept, so concurrent requests for the same key share one load.
    const value = load().then(deepFreeze);
    this.entries.set(key, { revision, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  private async revision(): Promise<string> {
    const [row] = await this.dataSource.query<{ revision: string }[]>(
      'SELECT revision FROM data_revision WHERE id = 1',
    );
    return row.revision;
  }
}

/** Bytes (a Buffer) cannot be frozen: they are kept as they are, and must not be written to. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

@Global()
@Module({ providers: [ReadCache], exports: [ReadCache] })
export class ReadCacheModule {}
