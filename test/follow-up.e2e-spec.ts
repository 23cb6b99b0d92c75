import { Role } from '../src/common/auth/role';
import { Clock } from '../src/common/time/clock';
import { PrivacyService } from '../src/privacy/privacy.service';
import { createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('follow-up', () => {
  let t: TestApp;
  let admin: SignedInUser;
  const u: Record<string, string> = {};
  const d: Record<string, string> = {};
  const people: Record<string, SignedInUser> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    for (const code of ['SU', 'ESB', 'SH']) {
      u[code] = (await universityByCode(t, code)).id;
      people[code] = await signedInUser(t, Role.UniversityCoordinator, { university: code });
    }
    for (const code of ['bromma', 'farsta', 'alvsjo']) {
      d[code] = (await districtByCode(t, code)).id;
      people[code] = await signedInUser(t, Role.DistrictContact, { district: code });
      await t
        .http()
        .patch(`/api/districts/${d[code]}`)
        .set(admin.auth)
        .send({ contactUserId: people[code].id })
        .expect(200);
    }
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('term report and trend', () => {
    it('reports target, offered, usable and filled per district, field and university, reporting against the deadline, and attendance', async () => {
      const term = await createTerm(
        t,
        admin,
        {
          code: 'HT2035',
          reportingDeadline: '2999-01-01',
          periods: [{ universityId: u.SU, startsOn: '2035-08-31', endsOn: '2036-01-15' }],
        },
        'reporting',
      );
      const anna = await createSupervisor(t, admin, d.bromma, { capacity: 2, trainingStatus: 'completed' });
      const bo = await createSupervisor(t, admin, d.farsta, { trainingStatus: 'none' });
      const onTime = await t
        .http()
        .post('/api/terms/HT2035/offers')
        .set(admin.auth)
        .send({
          districtId: d.bromma,
          unitName: 'Bromma barn',
          field: 'children_youth',
          places: 3,
          supervisorIds: [anna.id],
        })
        .expect(201);
      // Bromma reported in good time (dated back: the clock of PostgreSQL cannot be moved); the
      // deadline then passes and Farsta's offer comes late.
      await t.http().patch('/api/terms/HT2035').set(admin.auth).send({ reportingDeadline: '2020-01-01' }).expect(200);
      await t.dataSource.query(`UPDATE placement_offers SET created_at = '2019-12-15T09:00:00+01:00' WHERE id = $1`, [
        onTime.body.id,
      ]);
      await t
        .http()
        .post('/api/terms/HT2035/offers')
        .set(admin.auth)
        .send({ districtId: d.farsta, unitName: 'Farsta äldre', field: 'elderly', places: 1, supervisorIds: [bo.id] })
        .expect(201);
      await t.http().put(`/api/terms/HT2035/demand/${u.SU}`).set(admin.auth).send({ requestedPlaces: 10 }).expect(200);
      await t.http().patch('/api/terms/HT2035').set(admin.auth).send({ status: 'allocating' }).expect(200);
      const student = await t
        .http()
        .post('/api/terms/HT2035/students')
        .set(admin.auth)
        .send({
          universityId: u.SU,
          name: 'Rut Rapport',
          email: 'rut@student.su.se',
          studentRef: 'R-1',
          fieldPreferences: ['children_youth'],
        })
        .expect(201);
      await t
        .http()
        .post('/api/terms/HT2035/assignments')
        .set(admin.auth)
        .send({ studentId: student.body.id, offerId: onTime.body.id, supervisorId: anna.id })
        .expect(201);
      await t.http().post('/api/terms/HT2035/assignments/publish').set(admin.auth).expect(200);

      const intro = await t
        .http()
        .post('/api/events')
        .set(admin.auth)
        .send({
          type: 'introduction',
          title: 'Intro HT2035',
          location: 'Stadshuset',
          termCode: 'HT2035',
          startsAt: '2035-09-03T09:00:00+02:00',
          endsAt: '2035-09-03T12:00:00+02:00',
        })
        .expect(201);
      const workshop = await t
        .http()
        .post('/api/events')
        .set(admin.auth)
        .send({
          type: 'workshop',
          title: 'Workshop 2035',
          location: 'Stadshuset',
          startsAt: '2035-08-20T09:00:00+02:00',
          endsAt: '2035-08-20T15:00:00+02:00',
        })
        .expect(201);
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2035-09-04T08:00:00Z'));
      const introInvitees = (await t.http().get(`/api/events/${intro.body.id}/invitees`).set(admin.auth)).body as {
        id: string;
        kind: string;
      }[];
      await t
        .http()
        .put(`/api/events/${intro.body.id}/attendance`)
        .set(admin.auth)
        .send({ attendance: introInvitees.map((i) => ({ inviteeId: i.id, attended: i.kind !== 'supervisor' })) })
        .expect(200);
      const workshopInvitees = (await t.http().get(`/api/events/${workshop.body.id}/invitees`).set(admin.auth))
        .body as { id: string; email: string }[];
      await t
        .http()
        .put(`/api/events/${workshop.body.id}/attendance`)
        .set(admin.auth)
        .send({
          attendance: [
            { inviteeId: workshopInvitees.find((i) => i.email === people.bromma.email)!.id, attended: true },
            { inviteeId: workshopInvitees.find((i) => i.email === people.farsta.email)!.id, attended: false },
          ],
        })
        .expect(200);

      const { body } = await t.http().get(`/api/terms/${term.code}/report`).set(admin.auth).expect(200);
      expect(body).toMatchObject({
        termCode: 'HT2035',
        targetPlaces: 100,
        offeredPlaces: 4,
        usablePlaces: 3,
        filled: 1,
        draftPlacements: 0,
        shortfall: 97,
      });
      const byName = Object.fromEntries(body.districts.map((x: { name: string }) => [x.name, x]));
      expect(byName.Bromma).toMatchObject({
        offeredPlaces: 3,
        usablePlaces: 2,
        filled: 1,
        reporting: 'on_time',
        daysBeforeDeadline: 17,
        attendedWorkshop: true,
      });
      expect(byName.Farsta).toMatchObject({
        offeredPlaces: 1,
        usablePlaces: 1,
        filled: 0,
        reporting: 'late',
        attendedWorkshop: false,
      });
      expect(byName.Farsta.daysBeforeDeadline).toBeLessThan(0);
      expect(byName['Älvsjö']).toMatchObject({
        reporting: 'not_reported',
        firstReportedAt: null,
        attendedWorkshop: null,
      });
      expect(body.fields.find((f: { field: string }) => f.field === 'children_youth')).toEqual({
        field: 'children_youth',
        offeredPlaces: 3,
        usablePlaces: 2,
        filled: 1,
      });
      expect(body.universities.find((x: { code: string }) => x.code === 'SU')).toMatchObject({
        requestedPlaces: 10,
        quota: 3,
        filled: 1,
      });
      expect(body.supervisorTraining).toMatchObject({ supervisors: 2, completed: 1, none: 1, trainedShare: 0.5 });
      expect(body.introduction).toMatchObject({
        title: 'Intro HT2035',
        invited: introInvitees.length,
        recorded: introInvitees.length,
        attended: introInvitees.length - 1,
      });
      expect(body.introduction.byKind).toContainEqual({ kind: 'supervisor', invited: 1, attended: 0 });
      expect(body.workshop).toMatchObject({ title: 'Workshop 2035', recorded: 2, attended: 1 });

      const csv = await t
        .http()
        .get(`/api/terms/${term.code}/report`)
        .query({ format: 'csv' })
        .set(admin.auth)
        .expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('section,item,measure,value');
      expect(lines).toContain('district,Farsta,reporting,late');
      expect(lines).toContain('term,HT2035,filled,1');

      const trend = await t.http().get('/api/reports/trend').set(admin.auth).expect(200);
      expect(trend.body.find((r: { termCode: string }) => r.termCode === 'HT2035')).toEqual({
        termCode: 'HT2035',
        status: 'published',
        targetPlaces: 100,
        offeredPlaces: 4,
        usablePlaces: 3,
        filled: 1,
        shortfall: 97,
        districtsReported: 2,
        districtsOnTime: 1,
        trainedShare: 0.5,
        introductionAttendance: (introInvitees.length - 1) / introInvitees.length,
      });
      await t.http().get('/api/reports/trend').set(people.SU.auth).expect(403);
      await t.http().get(`/api/terms/${term.code}/report`).set(people.bromma.auth).expect(403);
    });
  });

  describe('supervisor-training reports', () => {
    it('lets each university report its year, seen by the coordinator and by itself only', async () => {
      const body = {
        universityId: u.SU,
        year: 2026,
        offeredTraining: 24,
        notAdmitted: 3,
        evaluationSummary: 'Uppskattad kurs; fler platser önskas.',
      };
      const created = await t.http().put('/api/training-reports').set(people.SU.auth).send(body).expect(200);
      expect(created.body).toMatchObject({ universityId: u.SU, year: 2026, offeredTraining: 24, notAdmitted: 3 });
      await t
        .http()
        .put('/api/training-reports')
        .set(people.SU.auth)
        .send({ ...body, offeredTraining: 30 })
        .expect(200);
      await t
        .http()
        .put('/api/training-reports')
        .set(people.SH.auth)
        .send({ ...body, universityId: u.SH, offeredTraining: 12, notAdmitted: 0 })
        .expect(200);
      await t.http().put('/api/training-reports').set(people.SH.auth).send(body).expect(403);
      await t.http().get('/api/training-reports').set(people.bromma.auth).expect(403);
      const own = await t.http().get('/api/training-reports').set(people.SU.auth).expect(200);
      expect(own.body).toEqual([expect.objectContaining({ universityId: u.SU, offeredTraining: 30 })]);
      const all = await t.http().get('/api/training-reports').query({ year: 2026 }).set(admin.auth).expect(200);
      expect(all.body).toHaveLength(2);
      const bad = await t
        .http()
        .put('/api/training-reports')
        .set(people.SU.auth)
        .send({ universityId: u.SU, year: 1990, offeredTraining: -1, notAdmitted: 'x', evaluationSummary: '' })
        .expect(400);
      expect(fields(bad.body)).toEqual(['evaluationSummary', 'notAdmitted', 'offeredTraining', 'year']);
    });
  });

  describe('student requests', () => {
    const mails = (requestId: string) =>
      t.dataSource.query(`SELECT recipient_email FROM notifications WHERE idempotency_key LIKE $1 ORDER BY 1`, [
        `student-request-${requestId}-%`,
      ]);

    it('forwards a district’s request to the student’s own university, or to all of them', async () => {
      const own = await t
        .http()
        .post('/api/student-requests')
        .set(people.bromma.auth)
        .send({
          studentName: 'Vera Vill',
          studentEmail: 'vera@student.su.se',
          universityId: u.SU,
          message: 'Jag vill göra VFU i Bromma.',
        })
        .expect(201);
      expect(own.body).toMatchObject({ districtId: d.bromma, status: 'forwarded', overdue: false });
      expect(await mails(own.body.id)).toEqual([{ recipient_email: people.SU.email }]);
      const other = await t
        .http()
        .post('/api/student-requests')
        .set(people.farsta.auth)
        .send({
          studentName: 'Olle Annan',
          studentEmail: 'olle@gu.se',
          otherUniversity: 'Göteborgs universitet',
          message: 'Finns det plats?',
        })
        .expect(201);
      expect((await mails(other.body.id)).map((m: { recipient_email: string }) => m.recipient_email).sort()).toEqual(
        expect.arrayContaining([people.SU.email, people.ESB.email, people.SH.email].sort()),
      );
      const template = await t.dataSource.query(`SELECT data FROM notifications WHERE idempotency_key = $1`, [
        `student-request-${other.body.id}-${people.SH.id}`,
      ]);
      expect(template[0].data).toMatchObject({ districtName: 'Farsta', studentUniversity: 'Göteborgs universitet' });
      await t
        .http()
        .post('/api/student-requests')
        .set(people.bromma.auth)
        .send({ districtId: d.farsta, studentName: 'X', studentEmail: 'x@x.se', message: 'x' })
        .expect(403);
      await t
        .http()
        .post('/api/student-requests')
        .set(people.SU.auth)
        .send({ studentName: 'X', studentEmail: 'x@x.se', message: 'x' })
        .expect(403);
    });

    it('lets universities answer what was sent to them, and lists unanswered requests after 14 days as overdue', async () => {
      const request = await t
        .http()
        .post('/api/student-requests')
        .set(people.alvsjo.auth)
        .send({ studentName: 'Sara Svar', studentEmail: 'sara@student.sh.se', universityId: u.SH, message: 'Hej!' })
        .expect(201);
      const waiting = await t
        .http()
        .post('/api/student-requests')
        .set(people.alvsjo.auth)
        .send({ studentName: 'Ulla Utan', studentEmail: 'ulla@student.esb.se', universityId: u.ESB, message: 'Hej?' })
        .expect(201);
      expect(
        (await t.http().get('/api/student-requests').set(people.SU.auth)).body.map((r: { id: string }) => r.id),
      ).not.toContain(request.body.id);
      expect(
        (await t.http().get('/api/student-requests').set(people.alvsjo.auth)).body
          .map((r: { id: string }) => r.id)
          .sort(),
      ).toEqual([request.body.id, waiting.body.id].sort());
      await t
        .http()
        .patch(`/api/student-requests/${request.body.id}`)
        .set(people.SU.auth)
        .send({ status: 'answered' })
        .expect(403);
      const answered = await t
        .http()
        .patch(`/api/student-requests/${request.body.id}`)
        .set(people.SH.auth)
        .send({ status: 'answered', answer: 'Vi hör av oss.' })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'answered', answer: 'Vi hör av oss.' });
      await t
        .http()
        .patch(`/api/student-requests/${request.body.id}`)
        .set(people.SH.auth)
        .send({ status: 'answered' })
        .expect(409);
      await t
        .http()
        .patch(`/api/student-requests/${request.body.id}`)
        .set(people.SH.auth)
        .send({ status: 'closed' })
        .expect(403);

      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 15 * 86_400_000));
      const overdue = await t
        .http()
        .get('/api/student-requests')
        .query({ overdue: 'true' })
        .set(admin.auth)
        .expect(200);
      const ids = overdue.body.map((r: { id: string }) => r.id);
      expect(ids).toContain(waiting.body.id);
      expect(ids).not.toContain(request.body.id);
      expect(overdue.body.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      await t
        .http()
        .patch(`/api/student-requests/${waiting.body.id}`)
        .set(admin.auth)
        .send({ status: 'closed' })
        .expect(200);
      expect(
        (await t.http().get('/api/student-requests').query({ overdue: 'true' }).set(admin.auth)).body.map(
          (r: { id: string }) => r.id,
        ),
      ).not.toContain(waiting.body.id);
    });
  });

  describe('the agreement', () => {
    it('starts with the letter of intent in force between the city and the three universities', async () => {
      const { body } = await t.http().get('/api/agreement').set(people.bromma.auth).expect(200);
      expect(body.current).toMatchObject({
        version: 1,
        status: 'in_force',
        text: expect.stringContaining('100 platser'),
      });
      expect(body.parties.map((p: { name: string; remains: boolean }) => [p.name, p.remains])).toEqual([
        ['Stockholms stad', true],
        ['Ersta Sköndal Bräcke högskola', true],
        ['Stockholms universitet', true],
        ['Södertörns högskola', true],
      ]);
      expect(body.proposed).toBeNull();
    });

    it('puts a revision in force only when every party has approved it', async () => {
      await t.http().post('/api/agreement/revisions').set(people.bromma.auth).send({ text: 'Ny text' }).expect(403);
      const proposed = await t
        .http()
        .post('/api/agreement/revisions')
        .set(admin.auth)
        .send({ text: 'Reviderad avsiktsförklaring.', summary: 'Nytt mål: 110 platser.' })
        .expect(201);
      expect(proposed.body.proposed).toMatchObject({ version: 2, status: 'proposed', approvedBy: ['Stockholms stad'] });
      expect(proposed.body.proposed.awaiting.sort()).toEqual([
        'Ersta Sköndal Bräcke högskola',
        'Stockholms universitet',
        'Södertörns högskola',
      ]);
      await t.http().post('/api/agreement/revisions').set(people.SU.auth).send({ text: 'Annan' }).expect(409);
      await t.http().post('/api/agreement/revisions/2/approve').set(people.SU.auth).expect(200);
      const two = await t.http().post('/api/agreement/revisions/2/approve').set(people.ESB.auth).expect(200);
      expect(two.body.current.version).toBe(1);
      expect(two.body.proposed.awaiting).toEqual(['Södertörns högskola']);
      const all = await t.http().post('/api/agreement/revisions/2/approve').set(people.SH.auth).expect(200);
      expect(all.body.current).toMatchObject({ version: 2, status: 'in_force', text: 'Reviderad avsiktsförklaring.' });
      expect(all.body.proposed).toBeNull();
      expect(all.body.history.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
        [2, 'in_force'],
        [1, 'superseded'],
      ]);
      await t.http().post('/api/agreement/revisions/2/approve').set(people.SH.auth).expect(409);
    });

    it('refuses notice shorter than six months (400 naming the rule), tells the others, and shows who remains', async () => {
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2027-03-10T10:00:00Z'));
      const short = await t
        .http()
        .post('/api/agreement/notice')
        .set(people.SH.auth)
        .send({ leavesOn: '2027-09-09' })
        .expect(400);
      expect(short.body.details).toEqual([
        {
          field: 'leavesOn',
          code: 'notice_too_short',
          params: { months: 6, today: '2027-03-10', earliest: '2027-09-10' },
          message:
            'Notice must be given at least 6 months before leaving: given today (2027-03-10), the earliest leaving date is 2027-09-10',
        },
      ]);
      const given = await t
        .http()
        .post('/api/agreement/notice')
        .set(people.SH.auth)
        .send({ leavesOn: '2027-09-10' })
        .expect(200);
      expect(given.body.parties.find((p: { name: string }) => p.name === 'Södertörns högskola')).toMatchObject({
        noticeGivenOn: '2027-03-10',
        leavesOn: '2027-09-10',
        remains: true,
      });
      const told = await t.dataSource.query(
        `SELECT recipient_email FROM notifications WHERE template = 'agreement-notice'`,
      );
      expect(told.map((r: { recipient_email: string }) => r.recipient_email)).toEqual(
        expect.arrayContaining([admin.email, people.SU.email, people.ESB.email]),
      );
      expect(told.map((r: { recipient_email: string }) => r.recipient_email)).not.toContain(people.SH.email);
      await t.http().post('/api/agreement/notice').set(people.SH.auth).send({ leavesOn: '2028-01-01' }).expect(409);

      // After its leaving day Södertörn is no longer a party, and a revision needs the others only.
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2027-09-11T10:00:00Z'));
      const after = await t.http().get('/api/agreement').set(admin.auth).expect(200);
      expect(
        after.body.parties.filter((p: { remains: boolean }) => p.remains).map((p: { name: string }) => p.name),
      ).toEqual(['Stockholms stad', 'Ersta Sköndal Bräcke högskola', 'Stockholms universitet']);
      await t.http().post('/api/agreement/revisions').set(people.SH.auth).send({ text: 'x' }).expect(403);
      await t.http().post('/api/agreement/revisions').set(people.SU.auth).send({ text: 'Version tre.' }).expect(201);
      await t.http().post('/api/agreement/revisions/3/approve').set(people.ESB.auth).expect(200);
      const three = await t.http().post('/api/agreement/revisions/3/approve').set(admin.auth).expect(200);
      expect(three.body.current.version).toBe(3);
    });
  });

  describe('data protection', () => {
    it('removes students’ personal data a configured time after their term is closed, audited, by the retention job', async () => {
      const term = await createTerm(t, admin, { code: 'VT2036' }, 'allocating');
      const student = await t
        .http()
        .post('/api/terms/VT2036/students')
        .set(admin.auth)
        .send({
          universityId: u.ESB,
          name: 'Greta Gammal',
          email: 'greta@student.esb.se',
          studentRef: 'G-1',
          fieldPreferences: ['elderly'],
          languages: ['fi'],
        })
        .expect(201);
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2036-06-30T12:00:00Z'));
      // A term is closed after publication; this one had nobody placed, so move it straight on in the database.
      await t.dataSource.query(`UPDATE terms SET status = 'published' WHERE id = $1`, [term.id]);
      await t.http().patch('/api/terms/VT2036').set(admin.auth).send({ status: 'closed' }).expect(200);
      const sut = t.app.get(PrivacyService);
      expect((await sut.purgeExpired(new Date('2037-06-29T12:00:00Z'))).terms).toEqual([]); // 12 months not yet over
      const purge = await sut.purgeExpired(new Date('2037-07-01T12:00:00Z'));
      expect(purge).toMatchObject({ terms: ['VT2036'], students: 1 });
      const row = (
        await t.dataSource.query('SELECT name, email, student_ref, languages FROM students WHERE id = $1', [
          student.body.id,
        ])
      )[0];
      expect(row).toEqual({
        name: 'Borttagen',
        email: expect.stringMatching(/@borttagen\.invalid$/),
        student_ref: expect.stringMatching(/^borttagen-/),
        languages: [],
      });
      expect((await sut.purgeExpired(new Date('2037-07-02T12:00:00Z'))).students).toBe(0);
      const log = await t
        .http()
        .get('/api/audit-log')
        .query({ action: 'term.personal_data_removed' })
        .set(admin.auth)
        .expect(200);
      expect(log.body[0]).toMatchObject({ entityId: term.id, actorId: null, changes: { students: { to: 1 } } });
      const all = await t.http().get('/api/audit-log').query({ limit: 500 }).set(admin.auth).expect(200);
      expect(JSON.stringify(all.body)).not.toContain('Greta');
      expect(JSON.stringify(all.body)).not.toContain('greta@student.esb.se');
    });

    it('shows the coordinator everything held on a person, and erases where no retention duty applies', async () => {
      const term = await createTerm(t, admin, { code: 'HT2037' }, 'reporting');
      await t
        .http()
        .post('/api/terms/HT2037/students')
        .set(admin.auth)
        .send({
          universityId: u.SU,
          name: 'Per Person',
          email: 'per@student.su.se',
          studentRef: 'P-1',
          fieldPreferences: ['disability'],
        })
        .expect(201);
      await t
        .http()
        .post('/api/student-requests')
        .set(people.bromma.auth)
        .send({ studentName: 'Per Person', studentEmail: 'per@student.su.se', message: 'Plats?' })
        .expect(201);
      const extract = await t
        .http()
        .get('/api/people/export')
        .query({ email: 'PER@student.su.se' })
        .set(admin.auth)
        .expect(200);
      expect(extract.body.students).toEqual([expect.objectContaining({ name: 'Per Person', studentRef: 'P-1' })]);
      expect(extract.body.studentRequests).toHaveLength(1);
      expect(extract.body.auditEntries.length).toBeGreaterThan(0);
      await t.http().get('/api/people/export').query({ email: 'per@student.su.se' }).set(people.SU.auth).expect(403);

      // While the term is open the university needs the record: kept, with the reason.
      const kept = await t
        .http()
        .post('/api/people/erase')
        .set(admin.auth)
        .send({ email: 'per@student.su.se' })
        .expect(200);
      expect(kept.body.retained).toEqual([
        { kind: 'student', id: extract.body.students[0].id, reason: 'registered for HT2037, which is not closed' },
      ]);
      expect(kept.body.erased).toEqual([]);

      const supervisor = await createSupervisor(t, admin, d.alvsjo, { name: 'Lämnar Staden' });
      const email = (await t.dataSource.query('SELECT email FROM supervisors WHERE id = $1', [supervisor.id]))[0].email;
      const erased = await t.http().post('/api/people/erase').set(admin.auth).send({ email }).expect(200);
      expect(erased.body).toEqual({ erased: [{ kind: 'supervisor', id: supervisor.id }], retained: [] });
      expect((await t.http().get('/api/people/export').query({ email }).set(admin.auth)).body.supervisors).toEqual([]);
      const bad = await t.http().post('/api/people/erase').set(admin.auth).send({ email: 'nope' }).expect(400);
      expect(fields(bad.body)).toEqual(['email']);
      await t.http().post('/api/people/erase').set(admin.auth).send({ email: admin.email }).expect(409);
      void term;
    });
  });
});
