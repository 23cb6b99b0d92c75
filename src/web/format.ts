import { DateTime } from 'luxon';
import { STOCKHOLM, swedishTimeSpan } from '../common/time/stockholm';
import { FIELDS } from '../fields/fields';

/** Helpers the templates use: Swedish words, Stockholm times. */
export const dateTime = (value: Date | string | null | undefined): string =>
  value ? DateTime.fromJSDate(new Date(value), { zone: STOCKHOLM }).setLocale('sv').toFormat("d MMM yyyy 'kl.' HH.mm") : '–';

export const date = (value: string | null | undefined): string =>
  value ? DateTime.fromISO(value, { zone: STOCKHOLM }).setLocale('sv').toFormat('d MMMM yyyy') : '–';

/** The value of an `<input type="datetime-local">` in Stockholm time. */
export const localInput = (value: Date | string | null | undefined): string =>
  value ? DateTime.fromJSDate(new Date(value), { zone: STOCKHOLM }).toFormat("yyyy-LL-dd'T'HH:mm") : '';

export const field = (code: string): string => FIELDS.find((f) => f.code === code)?.nameSv ?? code;

export const percent = (share: number | null | undefined): string => (share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`);

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
export const REQUEST_STATUS: Record<string, string> = { forwarded: 'Vidarebefordrad', answered: 'Besvarad', closed: 'Avslutad' };
export const UNPLACED: Record<string, string> = {
  no_acceptable_offer: 'Ingen plats i studentens områden',
  quota_reached: 'Lärosätets kvot är fylld',
  capacity_exhausted: 'Alla passande platser är tagna',
};
export const ASSIGNMENT_STATUS: Record<string, string> = { draft: 'Utkast', published: 'Publicerad' };

/** "måndag 31 augusti 2026 kl. 09.00–12.00". */
export const span = (start: Date | string, end: Date | string): string => swedishTimeSpan(new Date(start), new Date(end));
