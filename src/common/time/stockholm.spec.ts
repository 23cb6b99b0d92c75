import {
  addDays,
  daysBetween,
  endOfStockholmDay,
  startOfStockholmDay,
  stockholmDate,
  swedishDate,
  swedishTimeSpan,
} from './stockholm';

describe('Stockholm calendar dates', () => {
  it('reads the local date of an instant, across midnight and DST', () => {
    expect(stockholmDate(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28'); // 23:59 CET
    expect(stockholmDate(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(stockholmDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01'); // 23:59 CEST
    expect(stockholmDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('lets a deadline date count in full, in winter and in summer time', () => {
    expect(endOfStockholmDay('2026-01-15').toISOString()).toBe('2026-01-15T23:00:00.000Z');
    expect(endOfStockholmDay('2026-06-15').toISOString()).toBe('2026-06-15T22:00:00.000Z');
    expect(startOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z'); // the day DST ends
    expect(endOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-25T23:00:00.000Z'); // a 25-hour day
  });

  it('counts whole days between dates and writes dates in Swedish', () => {
    expect(daysBetween('2026-09-01', '2026-09-15')).toBe(14);
    expect(daysBetween('2026-03-20', '2026-04-03')).toBe(14); // across the DST change
    expect(daysBetween('2026-09-16', '2026-09-15')).toBe(-1);
    expect(swedishDate('2026-09-15')).toBe('15 september 2026');
  });

  it('writes a time span the Swedish way, in Stockholm time', () => {
    expect(swedishTimeSpan(new Date('2026-08-31T07:00:00Z'), new Date('2026-08-31T10:30:00Z'))).toBe(
      'måndag 31 augusti 2026 kl. 09.00–12.30',
    );
    expect(swedishTimeSpan(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T09:00:00Z'))).toBe(
      'tisdag 1 december 2026 kl. 09.00–10.00',
    );
    expect(addDays('2026-08-31', 13)).toBe('2026-09-13');
  });
});
