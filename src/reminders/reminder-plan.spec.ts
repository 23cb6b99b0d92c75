import { dueReminder, summaryDue } from './reminder-plan';

describe('reminder plan', () => {
  const deadline = '2026-09-15';

  it('reminds 14, 7 and 2 days before the deadline, each once more the day after in case a day was missed', () => {
    const due = (today: string) => dueReminder(today, deadline);
    expect(due('2026-08-31')).toBeNull(); // 15 days left
    expect(due('2026-09-01')).toEqual({ threshold: 14, daysLeft: 14 });
    expect(due('2026-09-02')).toEqual({ threshold: 14, daysLeft: 13 });
    expect(due('2026-09-03')).toBeNull();
    expect(due('2026-09-08')).toEqual({ threshold: 7, daysLeft: 7 });
    expect(due('2026-09-09')).toEqual({ threshold: 7, daysLeft: 6 });
    expect(due('2026-09-13')).toEqual({ threshold: 2, daysLeft: 2 });
    expect(due('2026-09-14')).toEqual({ threshold: 2, daysLeft: 1 });
    expect(due('2026-09-15')).toBeNull(); // the deadline itself
    expect(due('2026-09-16')).toBeNull();
  });

  it('sends the coordinator’s summary the morning after the deadline', () => {
    expect(summaryDue('2026-09-15', deadline)).toBe(false);
    expect(summaryDue('2026-09-16', deadline)).toBe(true);
    expect(summaryDue('2026-09-17', deadline)).toBe(true);
    expect(summaryDue('2026-09-18', deadline)).toBe(false);
  });
});
