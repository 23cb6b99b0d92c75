import { Role } from '../../common/auth/role';
import type { CalendarEventEntity } from '../../events/entities/event.entity';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import { homePage } from './home';

const term = (code: string, status: TermStatus) => ({ id: code, code, status }) as TermResponse;
const event = (title: string) => ({ id: title, title }) as CalendarEventEntity;

describe('the overview', () => {
  const data = {
    terms: [term('HT2026', TermStatus.Reporting), term('VT2026', TermStatus.Closed)],
    events: [
      { event: event('Introduktion'), invited: true },
      { event: event('Nätverksmöte'), invited: false },
    ],
    calendarUrl: 'https://vfu.example.se/api/calendar/x.ics' as string | null,
  };

  it('shows the terms not closed, linked to the role’s own page of the term', () => {
    const page = homePage({ ...data, role: Role.DistrictContact });
    expect((page.terms as TermResponse[]).map((t) => t.code)).toEqual(['HT2026']);
    expect(page.termLink).toBe('/platser?termin=:code');
  });

  it('lists the coming events the user is invited to; the coordinator sees all, at most ten', () => {
    expect(
      (homePage({ ...data, role: Role.UniversityCoordinator }).events as CalendarEventEntity[]).map((e) => e.title),
    ).toEqual(['Introduktion']);
    expect((homePage({ ...data, role: Role.Coordinator }).events as CalendarEventEntity[]).map((e) => e.title)).toEqual(
      ['Introduktion', 'Nätverksmöte'],
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ event: event(`E${i}`), invited: true }));
    expect(homePage({ ...data, events: many, role: Role.Coordinator }).events).toHaveLength(10);
  });

  it('carries the calendar link, or null for one made before the update that cannot be shown', () => {
    expect(homePage({ ...data, role: Role.DistrictContact }).calendarUrl).toBe(data.calendarUrl);
    expect(homePage({ ...data, role: Role.DistrictContact, calendarUrl: null }).calendarUrl).toBeNull();
  });
});
