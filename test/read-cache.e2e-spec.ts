import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createHttpApp } from '../src/bootstrap';
import { Role } from '../src/common/auth/role';
import { ReadCache } from '../src/database/read-cache';
import { createOffer, createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

/** The tables that carry no revision trigger (migration DataRevision): nothing cached shows them. */
const UNTRACKED = ['data_revision', 'heartbeats', 'login_attempts', 'migrations', 'web_sessions'];

describe('the read cache: computed reads kept until the data changes, in every process', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let code: string;
  let offerId: string;

  const revision = async () =>
    Number((await t.dataSource.query<{ revision: string }[]>('SELECT revision FROM data_revision'))[0].revision);
  const offered = async (app: INestApplication = t.app) =>
    (await request(app.getHttpServer()).get(`/api/terms/${code}/balance`).set(admin.auth).expect(200)).body
      .offeredPlaces as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    code = (await createTerm(t, admin, {}, 'reporting')).code;
    const district = (await districtByCode(t, 'bromma')).id;
    const supervisor = await createSupervisor(t, admin, district, { capacity: 2 });
    const offer = await createOffer(t, admin, code, {
      districtId: district,
      places: 2,
      supervisorIds: [supervisor.id],
    });
    offerId = offer.body.id as string;
  });

  afterAll(() => t.close());

  it('gives every table a revision trigger, but those nothing cached reads', async () => {
    const rows = await t.dataSource.query<{ name: string; tracked: boolean }[]>(
      `SELECT t.tablename AS name, EXISTS (
         SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
          WHERE c.relname = t.tablename AND g.tgname = 'bump_data_revision') AS tracked
         FROM pg_tables t WHERE t.schemaname = current_schema() ORDER BY 1`,
    );
    expect(rows.filter((r) => !r.tracked).map((r) => r.name)).toEqual(UNTRACKED);
    expect(rows.filter((r) => r.tracked).length).toBeGreaterThan(20);
  });

  it('counts one change per committed transaction, however many rows, and none for a rolled-back one', async () => {
    const before = await revision();
    await t.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE placement_offers SET places = places WHERE term_id = (SELECT id FROM terms WHERE code = $1)`,
        [code],
      );
      await manager.query(`UPDATE districts SET name = name`);
    });
    expect(await revision()).toBe(before + 1);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE districts SET name = name`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await revision()).toBe(before + 1);
  });

  it('answers a change made outside the service (by hand, in SQL) at the next read', async () => {
    expect(await offered()).toBe(2);
    await t.dataSource.query('UPDATE placement_offers SET places = 3 WHERE id = $1', [offerId]);
    expect(await offered()).toBe(3);
    await t.dataSource.query('UPDATE placement_offers SET places = 2 WHERE id = $1', [offerId]);
    expect(await offered()).toBe(2);
  });

  it('answers a change made through another process at that process’s next read', async () => {
    const other = await createHttpApp(t.config, 'api');
    await other.init();
    try {
      expect(await offered(other)).toBe(2);
      await request(t.app.getHttpServer())
        .patch(`/api/offers/${offerId}`)
        .set(admin.auth)
        .send({ places: 3 })
        .expect(200);
      expect(await offered(other)).toBe(3);
      await request(other.getHttpServer())
        .patch(`/api/offers/${offerId}`)
        .set(admin.auth)
        .send({ places: 2 })
        .expect(200);
      expect(await offered()).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('loads once for concurrent reads of one key, keeps nothing that failed, and freezes what it keeps', async () => {
    const cache = t.app.get(ReadCache);
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { rows: [{ name: 'Enhet 1' }] };
    };
    const [a, b] = await Promise.all([cache.get('test:shared', load), cache.get('test:shared', load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(Object.isFrozen(a.rows[0])).toBe(true);

    let attempts = 0;
    const failing = () => (++attempts === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve('ok'));
    await expect(cache.get('test:failing', failing)).rejects.toThrow('database gone');
    await expect(cache.get('test:failing', failing)).resolves.toBe('ok');
    expect(attempts).toBe(2);

    // Bytes cannot be frozen (a download kept encoded): kept as they are, and served again.
    const bytes = await cache.get('test:bytes', () => Promise.resolve({ csv: Buffer.from('namn\nÅsa\n') }));
    const again = await cache.get<typeof bytes>('test:bytes', () => Promise.reject(new Error('not again')));
    expect(again.csv).toBe(bytes.csv);
    expect(bytes.csv.toString()).toBe('namn\nÅsa\n');
  });
});
