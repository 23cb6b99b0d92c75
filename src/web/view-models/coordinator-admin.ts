import type { AuditQueryDto } from '../../audit/dto/audit-query.dto';
import type { AuditEntry } from '../../audit/entities/audit-entry.entity';
import { Role } from '../../common/auth/role';
import { canBeContactOf } from '../../districts/district-contact';
import type { UpdateDistrictDto } from '../../districts/dto/update-district.dto';
import type { AttendanceDto, CreateEventDto, UpdateEventDto } from '../../events/dto/event.dto';
import type { EventInvitee } from '../../events/entities/event-invitee.entity';
import type { CalendarEventEntity } from '../../events/entities/event.entity';
import { EventStatus } from '../../events/event-status';
import { EventType } from '../../events/event-type';
import { InviteeKind } from '../../events/invitee-kind';
import type { TermReportResponse, TrendRowResponse } from '../../reports/dto/report.response';
import type { TermResponse } from '../../terms/dto/term.response';
import type { CreateUserDto } from '../../users/dto/create-user.dto';
import type { User } from '../../users/entities/user.entity';
import { lineChart } from '../charts';
import type { FormBody, FormInput, Refused } from '../form-flow';
import { formValue } from '../forms';
import { AUDIT_ACTION, AUDIT_ENTITY, EVENT_TYPE, INVITEE_KIND, localInput, ROLE } from '../format';
import type { FormErrors, PageData } from '../view.service';
import { type Listed, listPager, pager } from './pager';

/** Audit entries per page of the log. */
export const LOG_PAGE = 50;

interface Named {
  id: string;
  name: string;
}

type Event = Pick<
  CalendarEventEntity,
  | 'id'
  | 'type'
  | 'title'
  | 'description'
  | 'location'
  | 'startsAt'
  | 'endsAt'
  | 'termId'
  | 'includeUniversities'
  | 'status'
>;
type Person = Pick<User, 'id' | 'name' | 'email' | 'role' | 'districtId' | 'universityId' | 'active'>;

const EVENT_LABELS = {
  type: 'Typ av händelse',
  title: 'Rubrik',
  startsAt: 'Börjar',
  endsAt: 'Slutar',
  location: 'Plats',
  termCode: 'Termin',
  description: 'Beskrivning',
  includeUniversities: 'Bjud in lärosätena',
};

// Events

/** A new event as the API's DTO takes it; times are typed in Stockholm time. */
export const eventInput = (body: FormBody): FormInput<CreateEventDto> => ({
  type: formValue.optionalText(body.type),
  title: formValue.text(body.title) ?? '',
  startsAt: formValue.stockholmInstant(body.startsAt) ?? '',
  endsAt: formValue.stockholmInstant(body.endsAt) ?? '',
  location: formValue.text(body.location) ?? '',
  termCode: formValue.optionalText(body.termCode),
  description: formValue.optionalText(body.description),
  includeUniversities: formValue.bool(body.includeUniversities),
});

/** A change to an event. A field emptied in the form is sent empty, so the DTO says it is needed rather than keeping the old value. */
export const eventChangeInput = (body: FormBody): FormInput<UpdateEventDto> => {
  const instant = (value: unknown) => formValue.stockholmInstant(value) ?? formValue.text(value);
  return {
    title: formValue.text(body.title),
    startsAt: instant(body.startsAt),
    endsAt: instant(body.endsAt),
    location: formValue.text(body.location),
    // An emptied description is no description, as when the event was created without one.
    description: formValue.optionalText(body.description) ?? null,
    includeUniversities: formValue.bool(body.includeUniversities),
  };
};

/** An event form as typed, to show again. */
export const eventValues = (body: FormBody) => ({
  ...Object.fromEntries(
    ['type', 'title', 'startsAt', 'endsAt', 'location', 'termCode', 'description'].map((name) => [
      name,
      formValue.text(body[name]) ?? '',
    ]),
  ),
  includeUniversities: formValue.bool(body.includeUniversities),
});

/** Every invitee the attendance form listed: the ticked ones attended, the others did not. */
export const attendanceInput = (body: FormBody): FormInput<AttendanceDto> => {
  const attended = new Set(formValue.list(body.attended));
  return {
    attendance: formValue.list(body.invitees).map((inviteeId) => ({ inviteeId, attended: attended.has(inviteeId) })),
  };
};
export const attendanceValues = (body: FormBody) => ({ attended: formValue.list(body.attended) });

export function eventsPage(
  data: { events: { event: Event; invitees: number }[]; terms: TermResponse[]; listed?: Listed },
  refused?: Refused,
): PageData {
  const termCode = new Map(data.terms.map((t) => [t.id, t.code]));
  return {
    title: 'Händelser',
    pager: listPager('/handelser', {}, data.listed, data.events.length),
    events: data.events.map(({ event, invitees }) => ({
      ...event,
      invitees,
      termCode: event.termId ? termCode.get(event.termId) : undefined,
    })),
    types: Object.values(EventType).map((value) => ({ value, label: EVENT_TYPE[value] })),
    terms: data.terms.map((t) => ({ value: t.code, label: t.code })),
    labels: EVENT_LABELS,
    ...refused,
    values: refused?.values ?? { type: '', includeUniversities: false },
  };
}

/** Users are named by their role where the invitation says it (a district's contact, a university's coordinator). */
function inviteeKind(invitee: Pick<EventInvitee, 'kind' | 'districtId' | 'universityId'>): string {
  if (invitee.kind !== InviteeKind.User) return INVITEE_KIND[invitee.kind] ?? invitee.kind;
  return ROLE[
    invitee.districtId ? Role.DistrictContact : invitee.universityId ? Role.UniversityCoordinator : Role.Coordinator
  ];
}

/** One event with its invitees; attendance is recorded once it has `begun`. */
export function eventPage(
  data: { event: Event; invitees: EventInvitee[]; terms: TermResponse[]; begun: boolean },
  refused?: Refused,
): PageData {
  const { event } = data;
  return {
    title: event.title,
    event,
    termCode: data.terms.find((t) => t.id === event.termId)?.code,
    cancelled: event.status === EventStatus.Cancelled,
    begun: data.begun,
    invitees: data.invitees.map((i) => ({ ...i, kindLabel: inviteeKind(i) })),
    labels: EVENT_LABELS,
    ...refused,
    values: refused?.values ?? {
      title: event.title,
      startsAt: localInput(event.startsAt),
      endsAt: localInput(event.endsAt),
      location: event.location,
      description: event.description ?? '',
      includeUniversities: event.includeUniversities,
    },
  };
}

// Users and districts

export const userInput = (body: FormBody): FormInput<CreateUserDto> => ({
  name: formValue.text(body.name) ?? '',
  email: formValue.text(body.email) ?? '',
  role: formValue.optionalText(body.role),
  districtId: formValue.optionalText(body.districtId),
  universityId: formValue.optionalText(body.universityId),
  password: formValue.text(body.password) ?? '',
});

export function usersPage(
  data: { users: Person[]; districts: Named[]; universities: Named[]; selfId: string; listed?: Listed },
  refused?: Refused,
): PageData {
  const district = new Map(data.districts.map((d) => [d.id, d.name]));
  const university = new Map(data.universities.map((u) => [u.id, u.name]));
  return {
    title: 'Användare',
    pager: listPager('/anvandare', {}, data.listed, data.users.length),
    users: data.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      scope: (u.districtId && district.get(u.districtId)) || (u.universityId && university.get(u.universityId)) || '–',
      active: u.active,
      self: u.id === data.selfId,
    })),
    roles: Object.values(Role).map((value) => ({ value, label: ROLE[value] })),
    districts: data.districts.map((d) => ({ value: d.id, label: d.name })),
    universities: data.universities.map((u) => ({ value: u.id, label: u.name })),
    labels: {
      name: 'Namn',
      email: 'E-postadress',
      role: 'Roll',
      districtId: 'Stadsdel',
      universityId: 'Lärosäte',
      password: 'Lösenord',
    },
    ...refused,
    values: refused?.values ?? {},
  };
}

/** A district's form; choosing no contact person removes the contact. */
export const districtInput = (body: FormBody): FormInput<UpdateDistrictDto> => ({
  name: formValue.text(body.name),
  contactUserId: formValue.text(body.contactUserId) || null,
  active: formValue.bool(body.active),
});

/** The district form of one card: its errors are shown on that card. */
export const districtForm = (id: string) => `district:${id}`;

/** The districts with their contact persons; each district's choice is the users the service would accept. */
export function districtsPage(
  data: {
    districts: { id: string; code: string; name: string; active: boolean; contactUserId: string | null }[];
    users: Person[];
  },
  refused?: Refused,
): PageData {
  const user = new Map(data.users.map((u) => [u.id, u]));
  return {
    title: 'Stadsdelar',
    districts: data.districts.map((d) => {
      const contact = d.contactUserId ? user.get(d.contactUserId) : undefined;
      return {
        ...d,
        contact: contact ? { name: contact.name, email: contact.email } : null,
        candidates: data.users
          .filter((u) => canBeContactOf(u, d.id))
          .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
      };
    }),
    ...refused,
  };
}

// Follow-up and the audit log

export function followUpPage(data: {
  terms: TermResponse[];
  term?: TermResponse;
  report: TermReportResponse | null;
  trend: TrendRowResponse[];
  universities: Named[];
}): PageData {
  const { report, trend } = data;
  return {
    title: report ? `Uppföljning ${report.termCode}` : 'Uppföljning',
    terms: data.terms.map((t) => ({ value: t.code, label: t.code })),
    report,
    universityName: Object.fromEntries(data.universities.map((u) => [u.id, u.name])),
    trend,
    chart: trend.length
      ? lineChart({
          title: 'Platser termin för termin',
          description:
            'Målet, de användbara platserna (platser med handledare) och de tillsatta platserna för varje termin. Samma siffror står i tabellen under diagrammet.',
          labels: trend.map((r) => r.termCode),
          series: [
            { name: 'Mål', values: trend.map((r) => r.targetPlaces) },
            { name: 'Användbara platser', values: trend.map((r) => r.usablePlaces) },
            { name: 'Tillsatta', values: trend.map((r) => r.filled) },
          ],
          unit: 'platser',
        })
      : '',
    values: { termin: data.term?.code },
  };
}

/** The log's filter from the address: what is given of it, with a page of `LOG_PAGE` entries unless the address says otherwise. */
export function logQuery(query: Record<string, unknown>): {
  input: FormInput<AuditQueryDto>;
  values: { entityType: string; action: string };
} {
  const given = Object.fromEntries(
    (['entityType', 'action', 'limit', 'offset'] as const)
      .map((name) => [name, formValue.optionalText(query[name])])
      .filter(([, value]) => value !== undefined),
  ) as Partial<Record<'entityType' | 'action' | 'limit' | 'offset', string>>;
  return {
    input: { limit: String(LOG_PAGE), ...given },
    values: { entityType: given.entityType ?? '', action: given.action ?? '' },
  };
}

/** Paging has no field of its own: a bad limit or offset can only come from an edited address. */
export function logErrors(errors: FormErrors): FormErrors {
  const { limit, offset, ...fields } = errors;
  return limit || offset
    ? { ...fields, _form: 'Adressen till sidan är felaktig. Välj Visa allt för att börja om.' }
    : fields;
}

/**
 * A page of the audit log, newest first, with how many match and links to the newer and older
 * pages (`query` null: the address was refused).
 */
export function logPage(
  data: {
    entries: Pick<AuditEntry, 'occurredAt' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'changes'>[];
    users: Named[];
    query: AuditQueryDto | null;
    total: number;
  },
  refused: Omit<Refused, 'errors'> & { errors?: FormErrors },
): PageData {
  const { entries, query } = data;
  const name = new Map(data.users.map((u) => [u.id, u.name]));
  const pageAt = (at: AuditQueryDto, offset: number) => {
    const params = new URLSearchParams({
      ...(at.entityType ? { entityType: at.entityType } : {}),
      ...(at.action ? { action: at.action } : {}),
    });
    if (at.limit !== undefined && at.limit !== LOG_PAGE) params.set('limit', String(at.limit));
    if (offset > 0) params.set('offset', String(offset));
    const search = params.toString();
    return `/logg${search ? `?${search}` : ''}`;
  };
  const offset = query?.offset ?? 0;
  const paging =
    query &&
    pager({ offset, limit: query.limit ?? LOG_PAGE, shown: entries.length, total: data.total }, (at) =>
      pageAt(query, at),
    );
  return {
    title: 'Logg',
    entries: entries.map((e) => ({
      ...e,
      actor: e.actorId ? (name.get(e.actorId) ?? 'Okänd användare') : 'Systemet',
      actionLabel: AUDIT_ACTION[e.action] ?? e.action,
      entityLabel: AUDIT_ENTITY[e.entityType] ?? e.entityType,
      changes: Object.entries(e.changes ?? {}),
    })),
    entityTypes: Object.entries(AUDIT_ENTITY).map(([value, label]) => ({ value, label })),
    actions: Object.entries(AUDIT_ACTION).map(([value, label]) => ({ value, label })),
    newer: paging ? paging.previous : null,
    older: paging ? paging.next : null,
    summary: paging ? paging.summary : null,
    from: offset + 1,
    labels: { entityType: 'Typ av uppgift', action: 'Vad som hände' },
    ...refused,
  };
}
