import fc from 'fast-check';
import { largestRemainder, splitQuotas } from './quota-split';

const POPULATIONS = [21878, 9713, 4167, 3252, 1065];

describe('largestRemainder', () => {
  it('matches the published Hamilton apportionments, including the Alabama paradox', () => {
    expect(largestRemainder(44, POPULATIONS)).toEqual([24, 11, 5, 3, 1]);
    // One seat fewer, yet the fourth party gains a seat: the method's known paradox.
    expect(largestRemainder(43, POPULATIONS)).toEqual([24, 10, 4, 4, 1]);
  });

  it('breaks exact ties by the larger weight, then by order', () => {
    expect(largestRemainder(1, [1, 1])).toEqual([1, 0]);
    expect(largestRemainder(1, [2, 2, 4])).toEqual([0, 0, 1]);
    expect(largestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(largestRemainder(5, [0, 0])).toEqual([0, 0]);
  });

  it('hands out every seat, each share within floor/ceil of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }),
        (seats, weights) => {
          const shares = largestRemainder(seats, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          if (total === 0) return expect(shares.every((s) => s === 0)).toBe(true);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(seats);
          shares.forEach((share, i) => {
            const exact = (seats * weights[i]) / total;
            expect(share).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(share).toBeLessThanOrEqual(Math.ceil(exact));
          });
        },
      ),
    );
  });
});

describe('splitQuotas', () => {
  it('splits the fillable places by demand', () => {
    expect(splitQuotas(100, [{ demand: 60 }, { demand: 30 }, { demand: 30 }])).toEqual([50, 25, 25]);
    expect(splitQuotas(7, [{ demand: 60 }, { demand: 30 }, { demand: 30 }])).toEqual([3, 2, 2]);
  });

  it('never goes above a university’s demand; places beyond all demand stay unassigned', () => {
    expect(splitQuotas(100, [{ demand: 20 }, { demand: 10 }, { demand: 0 }])).toEqual([20, 10, 0]);
  });

  it('keeps an overridden quota as set and splits the rest among the others', () => {
    expect(splitQuotas(100, [{ demand: 60, override: 30 }, { demand: 50 }, { demand: 50 }])).toEqual([30, 35, 35]);
    // Left-over places go to those with unmet demand; the overridden one keeps its value.
    expect(splitQuotas(100, [{ demand: 60, override: 10 }, { demand: 40 }, { demand: 20 }])).toEqual([10, 40, 20]);
    expect(splitQuotas(20, [{ demand: 60, override: 30 }, { demand: 50 }])).toEqual([30, 0]);
  });

  it('sums to min(fillable, demand) and respects every cap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }),
        (fillable, demands) => {
          const quotas = splitQuotas(
            fillable,
            demands.map((demand) => ({ demand })),
          );
          const total = demands.reduce((a, b) => a + b, 0);
          expect(quotas.reduce((a, b) => a + b, 0)).toBe(Math.min(fillable, total));
          quotas.forEach((quota, i) => expect(quota).toBeLessThanOrEqual(demands[i]));
          if (fillable <= total && total > 0) {
            quotas.forEach((quota, i) => {
              const exact = (fillable * demands[i]) / total;
              expect(quota).toBeGreaterThanOrEqual(Math.floor(exact));
              expect(quota).toBeLessThanOrEqual(Math.ceil(exact));
            });
          }
        },
      ),
    );
  });
});
