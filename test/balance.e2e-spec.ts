import { Role } from '../src/common/auth/role';
import { offersOfTermWithSupervisors, offerTotalsOfTerm } from '../src/offers/offers.queries';
import { effectiveCapacity, usablePlaces } from '../src/offers/supervisor-coverage';
import { createOffer, createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

/** Offers of the seeded scenario: [district, field, places, supervisors as [capacity, training]]. */
const SCENARIO: [string, string, number, [number, string][]][] = [
  [
    'rinkeby-kista',
    'financial_assistance',
    6,
    [
      [2, 'completed'],
      [2, 'completed'],
      [2, 'completed'],
    ],
  ],
  [
    'spanga-tensta',
    'children_youth',
    5,
    [
      [1, 'none'],
      [1, 'none'],
    ],
  ],
  [
    'bromma',
    'elderly',
    4,
    [
      [2, 'in_progress'],
      [2, 'in_progress'],
    ],
  ],
  [
    'bromma',
    'social_psychiatry',
    3,
    [
      [1, 'completed'],
      [1, 'completed'],
      [1, 'completed'],
    ],
  ],
  [
    'sodermalm',
    'substance_abuse',
    10,
    [
      [2, 'completed'],
      [2, 'completed'],
      [2, 'in_progress'],
      [2, 'none'],
      [2, 'none'],
    ],
  ],
  ['farsta', 'disability', 2, [[1, 'none']]],
];

describe('balance and quotas', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let code: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    code = (await createTerm(t, admin, {}, 'reporting')).code;
    for (const [district, field, places, supervisors] of SCENARIO) {
      const districtId = (await districtByCode(t, district)).id;
      const named = [];
      for (const [capacity, trainingStatus] of supervisors)
        named.push((await createSupervisor(t, admin, districtId, { capacity, trainingStatus })).id);
      const offer = await createOffer(t, admin, code, { districtId, field, places, supervisorIds: named });
      expect(offer.status).toBe(201);
    }
    for (const university of ['SU', 'ESB', 'SH']) ids[university] = (await universityByCode(t, university)).id;
    for (const [university, places] of [
      ['SU', 50],
      ['ESB', 20],
      ['SH', 30],
    ] as const) {
      await t
        .http()
        .put(`/api/terms/${code}/demand/${ids[university]}`)
        .set(admin.auth)
        .send({ requestedPlaces: places })
        .expect(200);
    }
  });
  afterAll(() => t.close());

  it('sets the target against offered and usable places, per district (with those not reported), field and university', async () => {
    const { body } = await t.http().get(`/api/terms/${code}/balance`).set(admin.auth).expect(200);
    expect(body).toMatchObject({
      targetPlaces: 100,
      offeredPlaces: 30,
      usablePlaces: 26,
      fillablePlaces: 26,
      shortfall: 74,
    });
    expect(body.districts).toHaveLength(14);
    const byName = Object.fromEntries(body.districts.map((d: { name: string }) => [d.name, d]));
    expect(byName['Rinkeby-Kista']).toMatchObject({ reported: true, offeredPlaces: 6, usablePlaces: 6 });
    expect(byName['Spånga-Tensta']).toMatchObject({ reported: true, offeredPlaces: 5, usablePlaces: 2 });
    expect(byName['Bromma']).toMatchObject({ reported: true, offeredPlaces: 7, usablePlaces: 7 });
    expect(byName['Södermalm']).toMatchObject({ reported: true, offeredPlaces: 10, usablePlaces: 10 });
    expect(byName['Farsta']).toMatchObject({
      reported: true,
      offeredPlaces: 2,
      usablePlaces: 1,
      firstReportedAt: expect.any(String),
    });
    expect(
      body.districts
        .filter((d: { reported: boolean }) => !d.reported)
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual(
      [
        'Enskede-Årsta-Vantör',
        'Hägersten-Liljeholmen',
        'Hässelby-Vällingby',
        'Kungsholmen',
        'Norrmalm',
        'Skarpnäck',
        'Skärholmen',
        'Älvsjö',
        'Östermalm',
      ].sort(),
    );
    expect(byName['Norrmalm']).toEqual({
      districtId: expect.any(String),
      name: 'Norrmalm',
      reported: false,
      offeredPlaces: 0,
      usablePlaces: 0,
      firstReportedAt: null,
    });
    expect(body.fields).toEqual([
      { field: 'financial_assistance', offeredPlaces: 6, usablePlaces: 6 },
      { field: 'social_psychiatry', offeredPlaces: 3, usablePlaces: 3 },
      { field: 'substance_abuse', offeredPlaces: 10, usablePlaces: 10 },
      { field: 'disability', offeredPlaces: 2, usablePlaces: 1 },
      { field: 'elderly', offeredPlaces: 4, usablePlaces: 4 },
      { field: 'children_youth', offeredPlaces: 5, usablePlaces: 2 },
    ]);
    // 26 fillable places by demand 50/20/30: exact 13, 5.2, 7.8 → 13, 5, 8.
    expect(body.universities).toEqual([
      { universityId: ids.ESB, code: 'ESB', requestedPlaces: 20, quota: 5, quotaOverridden: false, assigned: 0 },
      { universityId: ids.SH, code: 'SH', requestedPlaces: 30, quota: 8, quotaOverridden: false, assigned: 0 },
      { universityId: ids.SU, code: 'SU', requestedPlaces: 50, quota: 13, quotaOverridden: false, assigned: 0 },
    ]);
    expect(body.supervisorTraining).toEqual({
      supervisors: 16,
      completed: 8,
      inProgress: 3,
      none: 5,
      trainedShare: 11 / 16,
    });
  });

  it('shows the balance to every role', async () => {
    for (const role of [Role.DistrictContact, Role.UniversityCoordinator]) {
      const user = await signedInUser(t, role);
      const { body } = await t.http().get(`/api/terms/${code}/balance`).set(user.auth).expect(200);
      expect(body.usablePlaces).toBe(26);
    }
  });

  it('lets the coordinator override a quota, splits the rest among the others, and restores it; audited', async () => {
    const set = await t
      .http()
      .put(`/api/terms/${code}/quotas/${ids.ESB}`)
      .set(admin.auth)
      .send({ quota: 10 })
      .expect(200);
    expect(set.body).toEqual({ universityId: ids.ESB, quota: 10, quotaOverridden: true });
    let { body } = await t.http().get(`/api/terms/${code}/balance`).set(admin.auth).expect(200);
    // 16 left for SU and SH by demand 50/30: 10 and 6.
    expect(
      body.universities.map((u: { code: string; quota: number; quotaOverridden: boolean }) => [
        u.code,
        u.quota,
        u.quotaOverridden,
      ]),
    ).toEqual([
      ['ESB', 10, true],
      ['SH', 6, false],
      ['SU', 10, false],
    ]);
    await t.http().delete(`/api/terms/${code}/quotas/${ids.ESB}`).set(admin.auth).expect(204);
    ({ body } = await t.http().get(`/api/terms/${code}/balance`).set(admin.auth).expect(200));
    expect(body.universities.map((u: { quota: number }) => u.quota)).toEqual([5, 8, 13]);
    const log = await t.http().get('/api/audit-log').query({ entityType: 'term' }).set(admin.auth).expect(200);
    expect(log.body.slice(0, 2).map((e: { action: string; changes: object }) => [e.action, e.changes])).toEqual([
      ['quota.restored', { 'quota.ESB': { from: 10, to: null } }],
      ['quota.overridden', { 'quota.ESB': { from: null, to: 10 } }],
    ]);
  });

  it('counts an inactive supervisor as no capacity and caps an offer at its places', async () => {
    const termCode = (await createTerm(t, admin, {}, 'reporting')).code;
    const districtId = (await districtByCode(t, 'farsta')).id;
    const [a, b, c] = [
      await createSupervisor(t, admin, districtId, { capacity: 2, trainingStatus: 'completed' }),
      await createSupervisor(t, admin, districtId, { capacity: 2, trainingStatus: 'none' }),
      await createSupervisor(t, admin, districtId, { capacity: 1, trainingStatus: 'in_progress' }),
    ];
    // Capped: 2 places, 4 of capacity. Short: 5 places, 2 + 1 of capacity, then b leaves.
    await createOffer(t, admin, termCode, { districtId, field: 'elderly', places: 2, supervisorIds: [a.id, b.id] });
    await createOffer(t, admin, termCode, { districtId, field: 'elderly', places: 5, supervisorIds: [b.id, c.id] });
    await t.http().patch(`/api/supervisors/${b.id}`).set(admin.auth).send({ active: false }).expect(200);

    const { body } = await t.http().get(`/api/terms/${termCode}/balance`).set(admin.auth).expect(200);
    expect(body).toMatchObject({ offeredPlaces: 7, usablePlaces: 3 });
    expect(body.districts.find((d: { districtId: string }) => d.districtId === districtId)).toMatchObject({
      reported: true,
      offeredPlaces: 7,
      usablePlaces: 3,
    });
    expect(body.fields.find((f: { field: string }) => f.field === 'elderly')).toEqual({
      field: 'elderly',
      offeredPlaces: 7,
      usablePlaces: 3,
    });
    // The inactive supervisor is still named on the offers, so still counted for training.
    expect(body.supervisorTraining).toEqual({
      supervisors: 3,
      completed: 1,
      inProgress: 1,
      none: 1,
      trainedShare: 2 / 3,
    });
  });

  it('adds up usable places in SQL exactly as usablePlaces does, offer by offer', async () => {
    const termCode = (await createTerm(t, admin, {}, 'reporting')).code;
    const termId = (await t.http().get(`/api/terms/${termCode}`).set(admin.auth).expect(200)).body.id as string;
    let seed = 14;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const districts = await Promise.all(['bromma', 'farsta', 'sodermalm'].map((d) => districtByCode(t, d)));
    const fields = ['elderly', 'disability', 'substance_abuse'];
    for (const district of districts) {
      for (let i = 0; i < 5; i++) {
        // Supervisors of their own: an offer needing more than shared ones have is refused.
        const named = [];
        for (let k = 0; k <= random(3); k++)
          named.push((await createSupervisor(t, admin, district.id, { capacity: 1 + random(2) })).id);
        const response = await createOffer(t, admin, termCode, {
          districtId: district.id,
          field: fields[random(fields.length)],
          places: 1 + random(6),
          supervisorIds: named,
        });
        expect(response.status).toBe(201);
        for (const id of named.filter(() => random(3) === 0))
          await t.http().patch(`/api/supervisors/${id}`).set(admin.auth).send({ active: false }).expect(200);
      }
    }

    const manager = t.dataSource.manager;
    const expected = new Map<string, { offeredPlaces: number; usablePlaces: number; firstCreatedAt: Date }>();
    for (const offer of await offersOfTermWithSupervisors(manager, termId)) {
      const key = `${offer.districtId} ${offer.field}`;
      const group = expected.get(key) ?? { offeredPlaces: 0, usablePlaces: 0, firstCreatedAt: offer.createdAt };
      expected.set(key, {
        offeredPlaces: group.offeredPlaces + offer.places,
        usablePlaces: group.usablePlaces + usablePlaces(offer.places, (offer.supervisors ?? []).map(effectiveCapacity)),
        firstCreatedAt: offer.createdAt < group.firstCreatedAt ? offer.createdAt : group.firstCreatedAt,
      });
    }
    const actual = new Map(
      (await offerTotalsOfTerm(manager, termId)).map(({ districtId, field, ...sums }) => [
        `${districtId} ${field}`,
        sums,
      ]),
    );
    expect(actual).toEqual(expected);
  });

  it('refuses quota changes from anyone but the coordinator, and bad values', async () => {
    const university = await signedInUser(t, Role.UniversityCoordinator, { university: 'ESB' });
    await t.http().put(`/api/terms/${code}/quotas/${ids.ESB}`).set(university.auth).send({ quota: 20 }).expect(403);
    const bad = await t
      .http()
      .put(`/api/terms/${code}/quotas/${ids.ESB}`)
      .set(admin.auth)
      .send({ quota: -3 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['quota']);
    await t
      .http()
      .put(`/api/terms/${code}/quotas/00000000-0000-4000-8000-000000000000`)
      .set(admin.auth)
      .send({ quota: 3 })
      .expect(404);
  });
});
