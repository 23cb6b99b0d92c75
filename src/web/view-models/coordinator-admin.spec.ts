import type { AuditQueryDto } from '../../audit/dto/audit-query.dto';
import { Role } from '../../common/auth/role';
import type { EventInvitee } from '../../events/entities/event-invitee.entity';
import { EventStatus } from '../../events/event-status';
import { EventType } from '../../events/event-type';
import { InviteeKind } from '../../events/invitee-kind';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import {
  attendanceInput,
  districtInput,
  districtsPage,
  eventChangeInput,
  eventPage,
  eventsPage,
  LOG_PAGE,
  logErrors,
  logPage,
  logQuery,
  usersPage,
} from './coordinator-admin';

const ht2040: TermResponse = {
  id: 't1',
  code: 'HT2040',
  targetPlaces: 100,
  reportingDeadline: '2040-06-30',
  status: TermStatus.Planning,
  periods: [],
};
const event = {
  id: 'e1',
  type: EventType.NetworkMeeting,
  title: 'Nätverksmöte mars',
  description: null,
  location: 'Stadshuset',
  startsAt: new Date('2040-03-10T12:00:00Z'),
  endsAt: new Date('2040-03-10T14:00:00Z'),
  termId: 't1',
  includeUniversities: true,
  status: EventStatus.Scheduled,
};
const person = (
  id: string,
  role: Role,
  over: { districtId?: string; universityId?: string; active?: boolean } = {},
) => ({
  id,
  name: `Person ${id}`,
  email: `${id}@stad.example.se`,
  role,
  districtId: over.districtId ?? null,
  universityId: over.universityId ?? null,
  active: over.active ?? true,
});

describe('the coordinator’s admin view models', () => {
  it('lists events with their term, and starts the new-event form empty', () => {
    const page = eventsPage({ events: [{ event, invitees: 12 }], terms: [ht2040] });
    expect(page.events).toEqual([
      expect.objectContaining({ title: 'Nätverksmöte mars', invitees: 12, termCode: 'HT2040' }),
    ]);
    expect(page.values).toEqual({ type: '', includeUniversities: false });
  });

  it('fills the event form in Stockholm time and names user invitees by their role', () => {
    const invitee = (kind: InviteeKind, over: Partial<EventInvitee> = {}) =>
      ({
        id: kind,
        kind,
        name: 'N',
        email: 'n@x.se',
        districtId: null,
        universityId: null,
        attended: null,
        ...over,
      }) as EventInvitee;
    const page = eventPage({
      event,
      invitees: [invitee(InviteeKind.User, { districtId: 'd1' }), invitee(InviteeKind.Supervisor)],
      terms: [ht2040],
      begun: false,
    });
    expect(page.values).toMatchObject({ startsAt: '2040-03-10T13:00', endsAt: '2040-03-10T15:00', description: '' });
    expect((page.invitees as { kindLabel: string }[]).map((i) => i.kindLabel)).toEqual(['Kontaktperson', 'Handledare']);
    expect(page).toMatchObject({ termCode: 'HT2040', cancelled: false });
  });

  it('sends an emptied field of an event empty, so the DTO says it is needed', () => {
    expect(
      eventChangeInput({
        title: '',
        startsAt: '',
        endsAt: '2040-03-10T15:00',
        location: 'Stadshuset',
        description: '',
      }),
    ).toEqual({
      title: '',
      startsAt: '',
      endsAt: '2040-03-10T15:00:00+01:00',
      location: 'Stadshuset',
      description: null,
      includeUniversities: false,
    });
  });

  it('records every listed invitee: the ticked ones attended, the others not', () => {
    expect(attendanceInput({ invitees: ['a', 'b', 'c'], attended: 'b' })).toEqual({
      attendance: [
        { inviteeId: 'a', attended: false },
        { inviteeId: 'b', attended: true },
        { inviteeId: 'c', attended: false },
      ],
    });
  });

  it('pages the users and the events fifty at a time', () => {
    const users = Array.from({ length: 50 }, (_, i) => person(`u${i}`, Role.Coordinator));
    expect(
      usersPage({ users, districts: [], universities: [], selfId: 'u0', listed: { offset: 0, total: 1350 } }).pager,
    ).toEqual({ summary: 'Visar 1–50 av 1 350', total: 1350, previous: null, next: '/anvandare?offset=50' });
    expect(eventsPage({ events: [], terms: [], listed: { offset: 0, total: 0 } }).pager).toMatchObject({
      summary: 'Visar 0 av 0',
      previous: null,
      next: null,
    });
  });

  it('shows each user’s district or university and marks the signed-in user', () => {
    const page = usersPage({
      users: [person('u1', Role.DistrictContact, { districtId: 'd1' }), person('u2', Role.Coordinator)],
      districts: [{ id: 'd1', name: 'Farsta' }],
      universities: [],
      selfId: 'u2',
    });
    expect((page.users as { scope: string; self: boolean }[]).map((u) => [u.scope, u.self])).toEqual([
      ['Farsta', false],
      ['–', true],
    ]);
  });

  it('offers as a district’s contact only the active district contacts of that district', () => {
    const users = [
      person('karin', Role.DistrictContact, { districtId: 'farsta' }),
      person('gone', Role.DistrictContact, { districtId: 'farsta', active: false }),
      person('bo', Role.DistrictContact, { districtId: 'bromma' }),
      person('uni', Role.UniversityCoordinator, { universityId: 'su' }),
    ];
    const page = districtsPage({
      districts: [{ id: 'farsta', code: 'farsta', name: 'Farsta', active: true, contactUserId: 'gone' }],
      users,
    });
    expect(page.districts).toEqual([
      expect.objectContaining({
        contact: { name: 'Person gone', email: 'gone@stad.example.se' },
        candidates: [{ value: 'karin', label: 'Person karin (karin@stad.example.se)' }],
      }),
    ]);
    expect(districtInput({ name: 'Farsta', contactUserId: '', active: 'ja' })).toEqual({
      name: 'Farsta',
      contactUserId: null,
      active: true,
    });
  });

  describe('the audit log', () => {
    const entry = (n: number) => ({
      occurredAt: new Date(),
      actorId: n % 2 ? 'u1' : null,
      action: 'event.updated',
      entityType: 'event',
      entityId: `e${n}`,
      changes: {},
    });
    const query = (over: Partial<AuditQueryDto>): AuditQueryDto => ({ limit: LOG_PAGE, offset: 0, ...over });

    it('reads the filter from the address with a page of the usual size', () => {
      expect(logQuery({ entityType: 'event', action: '', offset: '50' })).toEqual({
        input: { limit: String(LOG_PAGE), entityType: 'event', offset: '50' },
        values: { entityType: 'event', action: '' },
      });
    });

    it('links the newer and older pages with the filter kept, and names who did it', () => {
      const page = logPage(
        {
          entries: [entry(1), entry(2)],
          users: [{ id: 'u1', name: 'Anna' }],
          query: query({ entityType: 'event', limit: 2, offset: 2 }),
          total: 5,
        },
        { values: {} },
      );
      expect(page).toMatchObject({
        newer: '/logg?entityType=event&limit=2',
        older: '/logg?entityType=event&limit=2&offset=4',
        summary: 'Visar 3–4 av 5',
        from: 3,
      });
      expect((page.entries as { actor: string; actionLabel: string }[]).map((e) => [e.actor, e.actionLabel])).toEqual([
        ['Anna', 'Händelse ändrad'],
        ['Systemet', 'Händelse ändrad'],
      ]);
      expect(logPage({ entries: [entry(1)], users: [], query: query({}), total: 1 }, { values: {} })).toMatchObject({
        newer: null,
        older: null,
      });
    });

    it('has no older page when the last page is exactly full', () => {
      const page = logPage(
        { entries: [entry(1), entry(2)], users: [], query: query({ limit: 2, offset: 2 }), total: 4 },
        { values: {} },
      );
      expect(page).toMatchObject({ newer: '/logg?limit=2', older: null, summary: 'Visar 3–4 av 4' });
    });

    it('says a bad page in the address above the filter, not beside a field that is not there', () => {
      expect(logErrors({ limit: 'Ange ett heltal.', entityType: 'Högst 64 tecken.' })).toEqual({
        entityType: 'Högst 64 tecken.',
        _form: 'Adressen till sidan är felaktig. Välj Visa allt för att börja om.',
      });
      expect(logErrors({ entityType: 'Högst 64 tecken.' })).toEqual({ entityType: 'Högst 64 tecken.' });
    });
  });
});
