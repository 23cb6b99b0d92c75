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
    expect(checkEventRules(introduction('2026-08-30T21:59:00Z'))).toEqual([{ field: 'startsAt', message: expect.stringContaining('on or after 2026-08-31') }]); // 23:59 the day before
    expect(checkEventRules(introduction('2026-09-13T20:00:00Z'))).toEqual([]); // the 14th day, 22:00
    expect(checkEventRules(introduction('2026-09-13T22:00:00Z'))).toEqual([{ field: 'startsAt', message: expect.stringContaining('within its first 14 days (by 2026-09-13)') }]);
    expect(checkEventRules(introduction('2026-09-01T07:00:00Z', null))).toEqual([{ field: 'termCode', message: 'HT2026 has no VFU periods yet' }]);
    expect(checkEventRules({ ...introduction('2026-09-01T07:00:00Z'), term: null })[0].field).toBe('termCode');
  });

  it('ends the workshop before the autumn term’s earliest VFU start', () => {
    expect(checkEventRules(workshop('2026-08-20T07:00:00Z', '2026-08-20T14:00:00Z'))).toEqual([]);
    expect(checkEventRules(workshop('2026-08-30T20:00:00Z', '2026-08-30T21:59:00Z'))).toEqual([]); // ends 23:59 the day before
    expect(checkEventRules(workshop('2026-08-31T07:00:00Z', '2026-08-31T09:00:00Z'))).toEqual([
      { field: 'endsAt', message: 'The workshop is held before the autumn term starts: it must end before 2026-08-31, the earliest VFU start of HT2026' },
    ]);
    expect(checkEventRules(workshop('2026-05-20T07:00:00Z', '2026-05-20T09:00:00Z', null))[0].message).toContain('create HT2026 with its VFU periods first');
  });

  it('needs an end after the start', () => {
    expect(checkEventRules({ ...workshop('2026-08-20T07:00:00Z', '2026-08-20T07:00:00Z') })).toEqual([{ field: 'endsAt', message: 'must be after startsAt' }]);
  });
});
