import { Role } from '../../common/auth/role';
import type { CalendarEventEntity } from '../../events/entities/event.entity';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import type { Refused } from '../form-flow';
import type { PageData } from '../view.service';

/** How many coming events the overview lists. */
const UPCOMING = 10;

/** Where each role's term links lead. */
const TERM_LINK: Record<Role, string> = {
  [Role.Coordinator]: '/terminer/:code',
  [Role.DistrictContact]: '/platser?termin=:code',
  [Role.UniversityCoordinator]: '/studenter?termin=:code',
};

/**
 * Where each role starts: the terms not closed, the coming events the user is invited to (the
 * coordinator sees all), and the personal calendar link. `events` come in time order from now.
 */
export function homePage(
  data: {
    role: Role;
    terms: TermResponse[];
    events: { event: CalendarEventEntity; invited: boolean }[];
    /** Null for a link made before tokens were derived: it works, but cannot be shown until renewed. */
    calendarUrl: string | null;
  },
  refused?: Refused,
): PageData {
  return {
    title: 'Översikt',
    terms: data.terms.filter((t) => t.status !== TermStatus.Closed),
    termLink: TERM_LINK[data.role],
    events: data.events
      .filter(({ invited }) => invited || data.role === Role.Coordinator)
      .slice(0, UPCOMING)
      .map(({ event }) => event),
    calendarUrl: data.calendarUrl,
    ...refused,
  };
}
