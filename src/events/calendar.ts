import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { STOCKHOLM } from '../common/time/stockholm';

export interface CalendarEvent {
  /** Stable across every version of the event, so clients update rather than duplicate it. */
  uid: string;
  /** Raised on every change; clients keep the highest. */
  sequence: number;
  summary: string;
  description: string | null;
  location: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  updatedAt: Date;
}

export interface CalendarOptions {
  /** PUBLISH for feeds and downloads, REQUEST for an invitation, CANCEL for a cancellation. */
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name: string;
  organizer: { name: string; email: string };
  /** The one recipient of an invitation; feeds list no attendees (minimal personal data). */
  attendee?: { name: string; email: string };
}

const METHOD = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/**
 * An RFC 5545 calendar with Europe/Stockholm local times and its VTIMEZONE. Times go in as
 * Luxon DateTimes in Stockholm: plain Dates would be written in the server's own zone under
 * the Stockholm TZID (STACK.md).
 */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Stockholms stad', product: 'VFU-samordning', language: 'SV' },
    method: METHOD[options.method],
    // No calendar-wide zone: DTSTAMP must stay UTC. The events carry the zone; its VTIMEZONE is generated.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: DateTime.fromJSDate(event.startsAt, { zone: STOCKHOLM }),
      end: DateTime.fromJSDate(event.endsAt, { zone: STOCKHOLM }),
      stamp: DateTime.fromJSDate(event.updatedAt, { zone: 'utc' }),
      lastModified: DateTime.fromJSDate(event.updatedAt, { zone: 'utc' }),
      timezone: STOCKHOLM,
      status: event.cancelled || options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: options.organizer,
      attendees: options.attendee ? [{ ...options.attendee, rsvp: false }] : [],
    });
  }
  return calendar.toString();
}
