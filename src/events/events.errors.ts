import { defineErrors, error } from '../common/errors/error-spec';
import { date } from '../common/errors/swedish';

/**
 * The events' refusals, and the letter of intent's timing rules (`event-rules.ts`) as field
 * problems: each rule its own row, with the dates and the term it was checked against.
 */
export const EventsErrors = defineErrors({
  one_introduction_per_term: error({
    status: 409,
    sample: { termCode: 'HT2031' },
    message: (p) => `${p.termCode} has its joint introduction already: one per term`,
    sv: (p) => `${p.termCode} har redan en gemensam introduktion. Det hålls en per termin.`,
  }),
  one_workshop_per_year: error({
    status: 409,
    sample: { year: '2031', title: 'Handledarworkshop' },
    message: (p) => `A workshop is planned for ${p.year} already: one per year`,
    sv: (p) => `Det finns redan en workshop ${p.year}: ”${p.title}”. Det hålls en workshop per år.`,
  }),
  event_cancelled: error({
    status: 409,
    sample: { title: 'Gemensam introduktion HT2031', change: 'update' } as {
      title: string;
      change: 'update' | 'cancel';
    },
    message: (p) =>
      p.change === 'update' ? 'The event is cancelled; create a new one instead' : 'The event is cancelled already',
    sv: (p) =>
      p.change === 'update'
        ? `Händelsen ”${p.title}” är inställd. Skapa en ny händelse i stället.`
        : `Händelsen ”${p.title}” är redan inställd.`,
  }),
  event_not_started: error({
    status: 409,
    sample: { title: 'Gemensam introduktion HT2031', startsOn: '2031-09-02' },
    message: () => 'Attendance is recorded once the event has begun',
    sv: (p) => `Närvaro för ”${p.title}” registreras när händelsen har börjat (${date(p.startsOn)}).`,
  }),
  /** A field problem: attendance names someone the event did not invite. */
  not_invited: error({
    status: 400,
    sample: { title: 'Gemensam introduktion HT2031' },
    message: () => 'is not invited to this event',
    sv: (p) => `Personen är inte inbjuden till ”${p.title}”.`,
  }),

  // The timing rules, each a field problem.
  event_ends_before_start: error({
    status: 400,
    sample: {},
    message: () => 'must be after startsAt',
    sv: () => 'Sluttiden måste komma efter starttiden.',
  }),
  introduction_needs_term: error({
    status: 400,
    sample: {},
    message: () => 'is required for the joint introduction: it belongs to a term',
    sv: () => 'Välj vilken termin introduktionen hör till.',
  }),
  introduction_term_without_periods: error({
    status: 400,
    sample: { termCode: 'HT2031' },
    message: (p) => `${p.termCode} has no VFU periods yet`,
    sv: (p) => `${p.termCode} har inga VFU-perioder ännu, så introduktionens datum kan inte bestämmas.`,
  }),
  introduction_outside_window: error({
    status: 400,
    sample: { termCode: 'HT2031', earliestStart: '2031-09-01', days: 14, lastDay: '2031-09-14' },
    message: (p) =>
      `The joint introduction is held at the start of the VFU period: on or after ${p.earliestStart}, the earliest VFU start of ${p.termCode}, and within its first ${p.days} days (by ${p.lastDay})`,
    sv: (p) =>
      `Den gemensamma introduktionen hålls i början av VFU-perioden: tidigast ${date(p.earliestStart)} (första VFU-start för ${p.termCode}) ` +
      `och inom ${p.days === 1 ? 'den första dagen' : `de första ${p.days} dagarna`}, senast ${date(p.lastDay)}.`,
  }),
  workshop_needs_autumn_term: error({
    status: 400,
    sample: { termCode: 'HT2032' },
    message: (p) =>
      `The workshop is held before the autumn term starts; create ${p.termCode} with its VFU periods first, so its start is known`,
    sv: (p) =>
      `Workshopen hålls före höstterminens start. Lägg först upp ${p.termCode} med VFU-perioder, så att starten är känd.`,
  }),
  workshop_after_autumn_start: error({
    status: 400,
    sample: { termCode: 'HT2031', earliestStart: '2031-09-01' },
    message: (p) =>
      `The workshop is held before the autumn term starts: it must end before ${p.earliestStart}, the earliest VFU start of ${p.termCode}`,
    sv: (p) =>
      `Workshopen hålls före höstterminens start: den ska vara slut före ${date(p.earliestStart)}, första VFU-start för ${p.termCode}.`,
  }),

  // DTO rules (withCode): `property` is the field.
  not_an_instant: error({
    status: 400,
    sample: { property: 'startsAt' },
    message: (p) => `${p.property} must be an ISO 8601 instant`,
    sv: () => 'Ange datum och tid.',
  }),
  /** The term an event belongs to (the same form as TermsErrors.term_code_format, whose English names the field `code`). */
  event_term_code_format: error({
    status: 400,
    sample: { property: 'termCode' },
    message: (p) => `${p.property} must be HT or VT followed by a year, e.g. HT2026`,
    sv: () => 'Ange terminen som HT eller VT följt av årtalet, till exempel HT2026.',
  }),
  instant_without_offset: error({
    status: 400,
    sample: { property: 'startsAt' },
    message: (p) => `${p.property} must name its offset (Z or +02:00)`,
    sv: () => 'Ange tiden med tidszon, till exempel 09:00+02:00.',
  }),
});
