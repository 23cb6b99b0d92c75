import { LIST_PAGE, offsetFrom, pageHref, pager } from './pager';

describe('pager', () => {
  const sut = pager;
  const href = (offset: number) => pageHref('/studenter', { termin: 'HT26', q: '' }, offset);

  it('says which rows are shown of how many, with the number grouped the Swedish way', () => {
    expect(sut({ offset: 0, limit: LIST_PAGE, shown: 50, total: 1350 }, href)).toEqual({
      summary: 'Visar 1–50 av 1 350',
      total: 1350,
      previous: null,
      next: '/studenter?termin=HT26&offset=50',
    });
  });

  it('links back and forth in the middle, and only back on the last page', () => {
    expect(sut({ offset: 50, limit: 50, shown: 50, total: 120 }, href)).toMatchObject({
      summary: 'Visar 51–100 av 120',
      previous: '/studenter?termin=HT26',
      next: '/studenter?termin=HT26&offset=100',
    });
    expect(sut({ offset: 100, limit: 50, shown: 20, total: 120 }, href)).toMatchObject({
      summary: 'Visar 101–120 av 120',
      previous: '/studenter?termin=HT26&offset=50',
      next: null,
    });
  });

  it('has no links when everything fits, and leads back from a page past the end', () => {
    expect(sut({ offset: 0, limit: 50, shown: 3, total: 3 }, href)).toEqual({
      summary: 'Visar 1–3 av 3',
      total: 3,
      previous: null,
      next: null,
    });
    expect(sut({ offset: 0, limit: 50, shown: 0, total: 0 }, href)).toMatchObject({ summary: 'Visar 0 av 0' });
    expect(sut({ offset: 500, limit: 50, shown: 0, total: 120 }, href)).toMatchObject({
      previous: '/studenter?termin=HT26&offset=70',
      next: null,
    });
  });

  it('reads the start of the page from the address, anything odd being the first page', () => {
    expect(offsetFrom('100')).toBe(100);
    expect(['-1', '1.5', 'x', '', undefined, ['50']].map(offsetFrom)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
