import { DateTime } from 'luxon';
import { STOCKHOLM, swedishTimeSpan } from '../common/time/stockholm';
import { Field, FIELDS } from '../fields/fields';

/** Helpers the templates use: Swedish words, Stockholm times. */
export const dateTime = (value: Date | string | null | undefined): string =>
  value
    ? DateTime.fromJSDate(new Date(value), { zone: STOCKHOLM }).setLocale('sv').toFormat("d MMM yyyy 'kl.' HH.mm")
    : '–';

export const date = (value: string | null | undefined): string =>
  value ? DateTime.fromISO(value, { zone: STOCKHOLM }).setLocale('sv').toFormat('d MMMM yyyy') : '–';

/** The value of an `<input type="datetime-local">` in Stockholm time. */
export const localInput = (value: Date | string | null | undefined): string =>
  value ? DateTime.fromJSDate(new Date(value), { zone: STOCKHOLM }).toFormat("yyyy-LL-dd'T'HH:mm") : '';

export const field = (code: string): string => FIELDS.find((f) => f.code === (code as Field))?.nameSv ?? code;

export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`;

export const TRAINING: Record<string, string> = { completed: 'Genomgången', in_progress: 'Pågår', none: 'Ingen' };
export const TERM_STATUS: Record<string, string> = {
  planning: 'Planering',
  reporting: 'Rapportering',
  allocating: 'Fördelning',
  published: 'Publicerad',
  closed: 'Avslutad',
};
export const ROLE: Record<string, string> = {
  coordinator: 'Central samordnare',
  district_contact: 'Kontaktperson',
  university_coordinator: 'VFU-samordnare lärosäte',
};
export const EVENT_TYPE: Record<string, string> = {
  introduction: 'Gemensam introduktion',
  workshop: 'Workshop',
  network_meeting: 'Nätverksmöte',
  lecture: 'Föreläsning',
};
export const REQUEST_STATUS: Record<string, string> = {
  forwarded: 'Vidarebefordrad',
  answered: 'Besvarad',
  closed: 'Avslutad',
};
export const UNPLACED: Record<string, string> = {
  no_acceptable_offer: 'Ingen plats i studentens områden',
  quota_reached: 'Lärosätets kvot är fylld',
  capacity_exhausted: 'Alla passande platser är tagna',
};
export const ASSIGNMENT_STATUS: Record<string, string> = { draft: 'Utkast', published: 'Publicerad' };

/** "måndag 31 augusti 2026 kl. 09.00–12.00". */
export const span = (start: Date | string, end: Date | string): string =>
  swedishTimeSpan(new Date(start), new Date(end));

const OFFER_WARNING: Record<string, (name: string, offer: { places: number; usablePlaces: number }) => string> = {
  supervisors_short: (_, o) =>
    `Handledarna räcker till ${o.usablePlaces} av ${o.places} platser. Ange fler handledare eller höj någons kapacitet för att kunna använda alla.`,
  supervisor_inactive: (name) => `${name} är inte längre aktiv som handledare.`,
  supervisor_untrained: (name) => `${name} har inte gått handledarutbildning.`,
};

/** An offer's warning from the API (`warnings[]` of an offer) in Swedish, by its code. */
export const offerWarning = (
  warning: { code: string; supervisorId?: string },
  offer: { places: number; usablePlaces: number; supervisors: { id: string; name: string }[] },
): string => {
  const name = offer.supervisors.find((s) => s.id === warning.supervisorId)?.name ?? 'En handledare';
  return OFFER_WARNING[warning.code]?.(name, offer) ?? 'Något behöver ses över.';
};

export const RUN_STATUS: Record<string, string> = {
  queued: 'I kö',
  running: 'Pågår',
  succeeded: 'Klar',
  failed: 'Misslyckades',
};

/** Who an event invitee is; a user invitee is named by role instead where known (see inviteeKind). */
export const INVITEE_KIND: Record<string, string> = { user: 'Användare', supervisor: 'Handledare', student: 'Student' };

/** A district's reporting against the deadline (term report). */
export const REPORTING: Record<string, string> = {
  on_time: 'I tid',
  late: 'Sent',
  not_reported: 'Har inte rapporterat',
};

/** "17 dagar före", "3 dagar efter", "samma dag": a first report against the deadline day. */
export const deadlineDays = (days: number | null): string =>
  days === null
    ? '–'
    : days === 0
      ? 'samma dag'
      : `${Math.abs(days)} ${Math.abs(days) === 1 ? 'dag' : 'dagar'} ${days > 0 ? 'före' : 'efter'}`;

/** The audit log's entity types and actions in Swedish; anything not listed is shown as it is stored. */
export const AUDIT_ENTITY: Record<string, string> = {
  term: 'Termin',
  offer: 'Plats',
  supervisor: 'Handledare',
  student: 'Student',
  assignment: 'Placering',
  allocation_run: 'Fördelningskörning',
  event: 'Händelse',
  user: 'Användare',
  district: 'Stadsdel',
  university: 'Lärosäte',
  student_request: 'Förfrågan från student',
  training_report: 'Rapport om handledarutbildning',
  agreement_version: 'Avsiktsförklaring, version',
  agreement_party: 'Avsiktsförklaring, part',
  notification: 'Meddelande',
  person: 'Personuppgifter',
  heartbeat: 'Driftkontroll',
};
export const AUDIT_ACTION: Record<string, string> = {
  'term.created': 'Termin skapad',
  'term.updated': 'Termin ändrad',
  'term.periods_replaced': 'VFU-perioder ändrade',
  'term.reminders_sent': 'Påminnelser skickade',
  'term.personal_data_removed': 'Personuppgifter rensade',
  'demand.set': 'Behov angivet',
  'quota.overridden': 'Kvot satt för hand',
  'quota.restored': 'Kvot återställd',
  'offer.created': 'Plats skapad',
  'offer.updated': 'Plats ändrad',
  'offer.deleted': 'Plats borttagen',
  'supervisor.created': 'Handledare skapad',
  'supervisor.updated': 'Handledare ändrad',
  'student.created': 'Student registrerad',
  'student.updated': 'Student ändrad',
  'student.deleted': 'Student borttagen',
  'allocation.requested': 'Fördelning startad',
  'allocation.applied': 'Fördelning införd',
  'assignment.created': 'Placering gjord',
  'assignment.deleted': 'Placering borttagen',
  'assignments.published': 'Placeringar publicerade',
  'event.created': 'Händelse skapad',
  'event.updated': 'Händelse ändrad',
  'event.attendance_recorded': 'Närvaro registrerad',
  'user.created': 'Användare skapad',
  'user.updated': 'Användare ändrad',
  'calendar_token.rotated': 'Ny kalenderlänk',
  'district.updated': 'Stadsdel ändrad',
  'university.updated': 'Lärosäte ändrat',
  'student_request.forwarded': 'Förfrågan vidarebefordrad',
  'student_request.updated': 'Förfrågan ändrad',
  'training_report.created': 'Utbildningsrapport lämnad',
  'training_report.updated': 'Utbildningsrapport ändrad',
  'agreement.revision_proposed': 'Revidering föreslagen',
  'agreement.revision_approved': 'Revidering godkänd av en part',
  'agreement.revision_in_force': 'Revidering i kraft',
  'agreement_version.updated': 'Revidering ändrad',
  'agreement_party.updated': 'Part i avsiktsförklaringen ändrad',
  'notification.updated': 'Meddelande ändrat',
  'person.exported': 'Personuppgifter exporterade',
  'person.erased': 'Personuppgifter raderade',
  'heartbeat.requested': 'Driftkontroll',
};

/** A value from the audit log's changes as short JSON text (the template escapes it). */
export const auditValue = (value: unknown): string => {
  if (value === undefined) return '–';
  const text = JSON.stringify(value) ?? '–';
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
};
