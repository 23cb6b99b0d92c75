import { checkEventRules, EventRuleInput } from './event-rules';
import { EventType } from './event-type';

const at = (iso: string) => new Date(iso);
const introduction = (startsAt: string, earliestStart: string | null = '2026-08-31'): EventRuleInput => ({
  type: EventType.Introduction,
  startsAt: at(startsAt),
  endsAt: new Date(at(startsAt).getTime() + 3 * 3600_000),
  term: { code: 'HT2026', earliestStart },
  autumnTerm: null,
});
const workshop = (startsAt: string, endsAt: string, earliestStart: string | null = '2026-08-31'): EventRuleInput => ({
  type: EventType.Workshop,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  term: null,
  autumnTerm: earliestStart ? { code: 'HT2026', earliestStart } : null,
});

describe('checkEventRules', () => {
  it('holds the introduction on or after the earliest VFU start, within its first 14 days (Stockholm dates)', () => {
    expect(checkEventRules(introduction('2026-08-31T07:00:00Z'))).toEqual([]);
    expect(checkEventRules(introduction('2026-08-30T21:59:00Z'))).toEqual([
      expect.objectContaining({
        field: 'startsAt',
        code: 'introduction_outside_window',
        message: expect.stringContaining('on or after 2026-08-31'),
      }),
    ]); // 23:59 the day before
    expect(checkEventRules(introduction('2026-09-13T20:00:00Z'))).toEqual([]); // the 14th day, 22:00
    expect(checkEventRules(introduction('2026-09-13T22:00:00Z'))).toEqual([
      {
        field: 'startsAt',
        code: 'introduction_outside_window',
        params: { termCode: 'HT2026', earliestStart: '2026-08-31', days: 14, lastDay: '2026-09-13' },
        message: expect.stringContaining('within its first 14 days (by 2026-09-13)'),
        sv: 'Den gemensamma introduktionen hålls i början av VFU-perioden: tidigast 31 augusti 2026 (första VFU-start för HT2026) och inom de första 14 dagarna, senast 13 september 2026.',
      },
    ]);
    expect(checkEventRules(introduction('2026-09-01T07:00:00Z', null))).toEqual([
      expect.objectContaining({
        field: 'termCode',
        code: 'introduction_term_without_periods',
        params: { termCode: 'HT2026' },
        message: 'HT2026 has no VFU periods yet',
      }),
    ]);
    expect(checkEventRules({ ...introduction('2026-09-01T07:00:00Z'), term: null })).toEqual([
      expect.objectContaining({ field: 'termCode', code: 'introduction_needs_term' }),
    ]);
  });

  it('ends the workshop before the autumn term’s earliest VFU start', () => {
    expect(checkEventRules(workshop('2026-08-20T07:00:00Z', '2026-08-20T14:00:00Z'))).toEqual([]);
    expect(checkEventRules(workshop('2026-08-30T20:00:00Z', '2026-08-30T21:59:00Z'))).toEqual([]); // ends 23:59 the day before
    expect(checkEventRules(workshop('2026-08-31T07:00:00Z', '2026-08-31T09:00:00Z'))).toEqual([
      expect.objectContaining({
        field: 'endsAt',
        code: 'workshop_after_autumn_start',
        params: { termCode: 'HT2026', earliestStart: '2026-08-31' },
        message:
          'The workshop is held before the autumn term starts: it must end before 2026-08-31, the earliest VFU start of HT2026',
      }),
    ]);
    const [unknownAutumn] = checkEventRules(workshop('2026-05-20T07:00:00Z', '2026-05-20T09:00:00Z', null));
    expect(unknownAutumn).toMatchObject({
      field: 'startsAt',
      code: 'workshop_needs_autumn_term',
      params: { termCode: 'HT2026' },
    });
    expect(unknownAutumn.message).toContain('create HT2026 with its VFU periods first');
  });

  it('needs an end after the start', () => {
    expect(checkEventRules({ ...workshop('2026-08-20T07:00:00Z', '2026-08-20T07:00:00Z') })).toEqual([
      expect.objectContaining({ field: 'endsAt', code: 'event_ends_before_start', message: 'must be after startsAt' }),
    ]);
  });
});
