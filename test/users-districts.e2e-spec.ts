import { Role } from '../src/common/auth/role';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('users, districts, universities and fields', () => {
  let t: TestApp;
  let admin: SignedInUser;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
  });
  afterAll(() => t.close());

  describe('reference data', () => {
    it('has the 14 districts, the three universities and the six fields', async () => {
      const districts = await t.http().get('/api/districts').set(admin.auth).expect(200);
      expect(districts.body).toHaveLength(14);
      expect(districts.body.map((d: { name: string }) => d.name)).toEqual(
        expect.arrayContaining([
          'Rinkeby-Kista',
          'Spånga-Tensta',
          'Hässelby-Vällingby',
          'Bromma',
          'Kungsholmen',
          'Norrmalm',
          'Östermalm',
          'Södermalm',
          'Enskede-Årsta-Vantör',
          'Skarpnäck',
          'Farsta',
          'Älvsjö',
          'Hägersten-Liljeholmen',
          'Skärholmen',
        ]),
      );
      expect(districts.body[0]).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        code: expect.any(String),
        contactUserId: null,
        active: true,
      });
      const universities = await t.http().get('/api/universities').set(admin.auth).expect(200);
      expect(universities.body.map((u: { code: string }) => u.code).sort()).toEqual(['ESB', 'SH', 'SU']);
      expect(universities.body[0]).toEqual({
        id: expect.any(String),
        name: expect.any(String),
        code: expect.any(String),
      });
      const list = await t.http().get('/api/fields').set(admin.auth).expect(200);
      expect(list.body.map((f: { code: string }) => f.code)).toEqual([
        'financial_assistance',
        'social_psychiatry',
        'substance_abuse',
        'disability',
        'elderly',
        'children_youth',
      ]);
      expect(list.body[0]).toEqual({
        code: 'financial_assistance',
        nameSv: 'Ekonomiskt bistånd',
        nameEn: expect.any(String),
      });
    });

    it('answers 404 for an unknown id and 400 naming a malformed one', async () => {
      await t.http().get('/api/districts/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
      const bad = await t.http().get('/api/districts/not-a-uuid').set(admin.auth).expect(400);
      expect(fields(bad.body)).toEqual(['id']);
    });
  });

  describe('users', () => {
    it('creates a user of each role with the scope it needs', async () => {
      const bromma = await districtByCode(t, 'bromma');
      const esb = await universityByCode(t, 'ESB');
      const contact = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'Kontakt@Bromma.se',
          name: 'Karin Kontakt',
          role: 'district_contact',
          districtId: bromma.id,
          password: 'secret-secret',
        })
        .expect(201);
      expect(contact.body).toMatchObject({
        id: expect.any(String),
        email: 'kontakt@bromma.se',
        role: 'district_contact',
        districtId: bromma.id,
        universityId: null,
        active: true,
      });
      expect(contact.body).not.toHaveProperty('passwordHash');
      const uni = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'vfu@esb.se',
          name: 'Ulla Uni',
          role: 'university_coordinator',
          universityId: esb.id,
          password: 'secret-secret',
        })
        .expect(201);
      expect(uni.body).toMatchObject({ universityId: esb.id, districtId: null });
      const list = await t.http().get('/api/users').set(admin.auth).expect(200);
      expect(list.body.map((u: { email: string }) => u.email)).toEqual(
        expect.arrayContaining(['kontakt@bromma.se', 'vfu@esb.se']),
      );
    });

    it('needs districtId for a contact and universityId for a university coordinator (400, nothing written)', async () => {
      const before = await count('users');
      const contact = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({ email: 'a1@example.se', name: 'A', role: 'district_contact', password: 'secret-secret' })
        .expect(400);
      expect(fields(contact.body)).toEqual(['districtId']);
      const uni = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({ email: 'a2@example.se', name: 'A', role: 'university_coordinator', password: 'secret-secret' })
        .expect(400);
      expect(fields(uni.body)).toEqual(['universityId']);
      const unknown = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({
          email: 'a3@example.se',
          name: 'A',
          role: 'district_contact',
          districtId: '00000000-0000-4000-8000-000000000000',
          password: 'secret-secret',
        })
        .expect(400);
      expect(unknown.body.details).toEqual([
        { field: 'districtId', code: 'no_such_district', params: {}, message: 'no such district' },
      ]);
      expect(await count('users')).toBe(before);
    });

    it('answers 409 for a taken e-mail, whatever its case', async () => {
      const body = { email: 'dup@example.se', name: 'D', role: 'coordinator', password: 'secret-secret' };
      await t.http().post('/api/users').set(admin.auth).send(body).expect(201);
      const again = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({ ...body, email: 'DUP@example.se' })
        .expect(409);
      expect(again.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringMatching(/e-mail/),
      });
    });

    it('names each bad field: wrong types, missing, unknown and over-long values', async () => {
      const before = await count('users');
      const response = await t
        .http()
        .post('/api/users')
        .set(admin.auth)
        .send({ email: 42, name: 'x'.repeat(201), role: 'admin', isAdmin: true, districtId: 'nope' })
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(fields(response.body)).toEqual(['districtId', 'email', 'isAdmin', 'name', 'password', 'role']);
      const patch = await t
        .http()
        .patch(`/api/users/${admin.id}`)
        .set(admin.auth)
        .send({ active: 'yes', password: 'short', role: 'x' })
        .expect(400);
      expect(fields(patch.body)).toEqual(['active', 'password', 'role']);
      expect(await count('users')).toBe(before);
    });

    it('does not let a coordinator deactivate their own account', async () => {
      await t.http().patch(`/api/users/${admin.id}`).set(admin.auth).send({ active: false }).expect(409);
      await t.http().get('/api/me').set(admin.auth).expect(200);
    });

    it('writes each change to the audit log with actor, action, entity and changed fields, without secrets', async () => {
      const user = await signedInUser(t, Role.Coordinator);
      await t
        .http()
        .patch(`/api/users/${user.id}`)
        .set(admin.auth)
        .send({ name: 'Nytt Namn', password: 'another-password' })
        .expect(200);
      const log = await t
        .http()
        .get('/api/audit-log')
        .query({ entityType: 'user', entityId: user.id })
        .set(admin.auth)
        .expect(200);
      expect(log.body[0]).toMatchObject({
        actorId: admin.id,
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        // The log carries ids and says that personal data changed, never what it held.
        changes: {
          name: { from: '[personal data]', to: '[personal data]' },
          passwordHash: { from: '[redacted]', to: '[redacted]' },
        },
        requestId: expect.any(String),
      });
      expect(log.body[1]).toMatchObject({ action: 'user.created', actorId: null });
      expect(JSON.stringify(log.body)).not.toContain('another-password');
      expect(JSON.stringify(log.body)).not.toContain('Nytt Namn');
      expect(JSON.stringify(log.body)).not.toContain(user.email);
      const bad = await t.http().get('/api/audit-log').query({ limit: 9999, sneaky: 1 }).set(admin.auth).expect(400);
      expect(fields(bad.body)).toEqual(['limit', 'sneaky']);
    });
  });

  describe('district contact person', () => {
    it('sets an active district_contact of that district as contact, and audits it', async () => {
      const farsta = await districtByCode(t, 'farsta');
      const contact = await signedInUser(t, Role.DistrictContact, { district: 'farsta' });
      const response = await t
        .http()
        .patch(`/api/districts/${farsta.id}`)
        .set(admin.auth)
        .send({ contactUserId: contact.id })
        .expect(200);
      expect(response.body).toMatchObject({ id: farsta.id, contactUserId: contact.id });
      const log = await t
        .http()
        .get('/api/audit-log')
        .query({ entityType: 'district', entityId: farsta.id })
        .set(admin.auth)
        .expect(200);
      expect(log.body[0]).toMatchObject({
        action: 'district.updated',
        actorId: admin.id,
        changes: { contactUserId: { from: null, to: contact.id } },
      });
    });

    it('refuses (400) a contact from another district, of another role, or inactive', async () => {
      const alvsjo = await districtByCode(t, 'alvsjo');
      const elsewhere = await signedInUser(t, Role.DistrictContact, { district: 'norrmalm' });
      const uni = await signedInUser(t, Role.UniversityCoordinator);
      const inactive = await signedInUser(t, Role.DistrictContact, { district: 'alvsjo' });
      await t.http().patch(`/api/users/${inactive.id}`).set(admin.auth).send({ active: false }).expect(200);
      for (const candidate of [elsewhere, uni, inactive]) {
        const response = await t
          .http()
          .patch(`/api/districts/${alvsjo.id}`)
          .set(admin.auth)
          .send({ contactUserId: candidate.id })
          .expect(400);
        expect(fields(response.body)).toEqual(['contactUserId']);
      }
      expect((await districtByCode(t, 'alvsjo')).contactUserId).toBeNull();
    });

    it('keeps one contact per district: a new contact replaces the old, and deactivation clears it', async () => {
      const skarpnack = await districtByCode(t, 'skarpnack');
      const first = await signedInUser(t, Role.DistrictContact, { district: 'skarpnack' });
      const second = await signedInUser(t, Role.DistrictContact, { district: 'skarpnack' });
      await t
        .http()
        .patch(`/api/districts/${skarpnack.id}`)
        .set(admin.auth)
        .send({ contactUserId: first.id })
        .expect(200);
      await t
        .http()
        .patch(`/api/districts/${skarpnack.id}`)
        .set(admin.auth)
        .send({ contactUserId: second.id })
        .expect(200);
      expect((await districtByCode(t, 'skarpnack')).contactUserId).toBe(second.id);
      await t.http().patch(`/api/users/${second.id}`).set(admin.auth).send({ active: false }).expect(200);
      expect((await districtByCode(t, 'skarpnack')).contactUserId).toBeNull();
    });

    it('renames and deactivates a district, and removes the contact with null', async () => {
      const kista = await districtByCode(t, 'rinkeby-kista');
      const response = await t
        .http()
        .patch(`/api/districts/${kista.id}`)
        .set(admin.auth)
        .send({ name: 'Rinkeby-Kista SDF', active: false, contactUserId: null })
        .expect(200);
      expect(response.body).toMatchObject({ name: 'Rinkeby-Kista SDF', active: false, contactUserId: null });
      const bad = await t
        .http()
        .patch(`/api/districts/${kista.id}`)
        .set(admin.auth)
        .send({ name: '', active: 'no', code: 'x' })
        .expect(400);
      expect(fields(bad.body)).toEqual(['active', 'code', 'name']);
    });
  });
});
