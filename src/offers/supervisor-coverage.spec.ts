import fc from 'fast-check';
import { CoverageOffer, findOvercommitment, usablePlaces } from './supervisor-coverage';

const sup = (id: string, capacity: number) => ({ id, capacity });
const offer = (id: string, places: number, ...supervisorIds: string[]): CoverageOffer => ({
  id,
  places,
  supervisorIds,
});

describe('usablePlaces', () => {
  it('is the smaller of the places and the supervisors’ capacity', () => {
    expect(usablePlaces(3, [1, 1])).toBe(2);
    expect(usablePlaces(1, [2])).toBe(1);
    expect(usablePlaces(4, [])).toBe(0);
  });
});

describe('findOvercommitment', () => {
  it('accepts a supervisor of capacity 2 named on two one-place offers', () => {
    expect(findOvercommitment([offer('a', 1, 'anna'), offer('b', 1, 'anna')], [sup('anna', 2)])).toBeNull();
  });

  it('refuses a supervisor of capacity 1 named on two offers, naming both', () => {
    expect(findOvercommitment([offer('a', 1, 'anna'), offer('b', 1, 'anna')], [sup('anna', 1)])).toEqual({
      offerIds: ['a', 'b'],
      supervisorIds: ['anna'],
      needed: 2,
      capacity: 1,
    });
  });

  it('moves a shared supervisor to where she is needed before it refuses', () => {
    // a can use anna or bo; b only anna: bo takes a, anna takes b.
    expect(
      findOvercommitment([offer('a', 1, 'anna', 'bo'), offer('b', 1, 'anna')], [sup('anna', 1), sup('bo', 1)]),
    ).toBeNull();
    expect(
      findOvercommitment([offer('a', 2, 'anna', 'bo'), offer('b', 1, 'anna')], [sup('anna', 1), sup('bo', 1)]),
    ).toEqual({
      offerIds: ['a', 'b'],
      supervisorIds: ['anna', 'bo'],
      needed: 3,
      capacity: 2,
    });
  });

  it('agrees with Hall’s condition over every set of offers (property)', () => {
    const instance = fc.record({
      capacities: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 4 }),
      offers: fc.array(fc.record({ places: fc.integer({ min: 1, max: 4 }), mask: fc.integer({ min: 1, max: 15 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(instance, ({ capacities, offers }) => {
        const supervisors = capacities.map((capacity, i) => sup(`s${i}`, capacity));
        const list = offers.map((o, i) =>
          offer(`o${i}`, o.places, ...supervisors.filter((_, j) => (o.mask >> j) & 1).map((s) => s.id)),
        );
        const need = list.map((o) =>
          usablePlaces(
            o.places,
            o.supervisorIds.map((id) => supervisors.find((s) => s.id === id)!.capacity),
          ),
        );
        let hallHolds = true;
        for (let subset = 1; subset < 1 << list.length; subset++) {
          const chosen = list.filter((_, i) => (subset >> i) & 1);
          const neighbours = new Set(chosen.flatMap((o) => o.supervisorIds));
          const needed = list.reduce((sum, _, i) => sum + ((subset >> i) & 1 ? need[i] : 0), 0);
          const available = supervisors.filter((s) => neighbours.has(s.id)).reduce((sum, s) => sum + s.capacity, 0);
          if (needed > available) hallHolds = false;
        }
        const result = findOvercommitment(list, supervisors);
        expect(result === null).toBe(hallHolds);
        if (result) expect(result.needed).toBeGreaterThan(result.capacity);
      }),
      { numRuns: 500 },
    );
  });
});
