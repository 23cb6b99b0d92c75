import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  /** Local wall-clock time as written, e.g. 2026-08-31T09:00:00. */
  localStart: string;
  localEnd: string;
  tzid: string;
  /** The instant the client computes from the TZID and the VTIMEZONE. */
  start: Date;
  end: Date;
  attendees: string[];
}

export interface ParsedCalendar {
  method: string | null;
  timezones: string[];
  events: ParsedEvent[];
}

/**
 * Reads an iCalendar text with ical.js (Mozilla's parser, as Thunderbird uses it), resolving
 * local times through the calendar's own VTIMEZONE rather than a built-in zone database.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents('vtimezone').map((component) => {
    const zone = new ICAL.Timezone(component);
    ICAL.TimezoneService.register(zone, zone.tzid);
    return zone.tzid;
  });
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty('dtstart')!;
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(component.getFirstPropertyValue('status') ?? ''),
      summary: event.summary,
      localStart: event.startDate.toString(),
      localEnd: event.endDate.toString(),
      tzid: String(dtstart.getParameter('tzid') ?? ''),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      attendees: component.getAllProperties('attendee').map((p) =>
        String(p.getFirstValue())
          .replace(/^mailto:/i, '')
          .toLowerCase(),
      ),
    };
  });
  const method = calendar.getFirstPropertyValue('method');
  return { method: method ? String(method) : null, timezones, events };
}
