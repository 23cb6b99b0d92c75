import { earliestLeavingDate, remainsOn } from './notice';

describe('notice to leave', () => {
  it('is at least six calendar months', () => {
    expect(earliestLeavingDate('2026-11-25')).toBe('2027-05-25');
    expect(earliestLeavingDate('2026-08-31')).toBe('2027-02-28'); // no 31 February: the month's last day
    expect(earliestLeavingDate('2027-08-31')).toBe('2028-02-29');
  });

  it('keeps a party until its leaving day', () => {
    expect(remainsOn({ leavesOn: null }, '2027-01-01')).toBe(true);
    expect(remainsOn({ leavesOn: '2027-06-01' }, '2027-05-31')).toBe(true);
    expect(remainsOn({ leavesOn: '2027-06-01' }, '2027-06-01')).toBe(false);
  });
});
