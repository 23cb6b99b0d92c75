export interface CoverageOffer {
  id: string;
  places: number;
  supervisorIds: readonly string[];
}

export interface CoverageSupervisor {
  id: string;
  capacity: number;
}

/** Capacity that counts: an inactive supervisor supervises no one. */
export const effectiveCapacity = (supervisor: { capacity: number; active: boolean }) =>
  supervisor.active ? supervisor.capacity : 0;

/** Places an offer can really take: each student needs a supervisor (DESIGN.md §3). */
export function usablePlaces(places: number, supervisorCapacities: readonly number[]): number {
  return Math.min(
    places,
    supervisorCapacities.reduce((sum, capacity) => sum + capacity, 0),
  );
}

/** Offers whose usable places together need more supervision than their supervisors have. */
export interface Overcommitment {
  offerIds: string[];
  supervisorIds: string[];
  needed: number;
  capacity: number;
}

/**
 * A supervisor's capacity is shared by every offer of the term that names them. This checks that
 * all offers' usable places can be supervised at once (a bipartite b-matching, solved as a small
 * max flow). When they cannot, it returns the offers and supervisors that fall short, found as
 * the source side of a minimum cut: those offers need more than those supervisors can give.
 */
export function findOvercommitment(
  offers: readonly CoverageOffer[],
  supervisors: readonly CoverageSupervisor[],
): Overcommitment | null {
  const capacity = new Map(supervisors.map((s) => [s.id, s.capacity]));
  const need = offers.map((offer) =>
    usablePlaces(
      offer.places,
      offer.supervisorIds.map((id) => capacity.get(id) ?? 0),
    ),
  );
  // flow[o][s]: students of offer o supervised by s; used[s]: total on supervisor s.
  const flow = offers.map(() => new Map<string, number>());
  const used = new Map(supervisors.map((s) => [s.id, 0]));
  const sent = offers.map(() => 0);

  /** One augmenting path from offer `start` (BFS over offers through shared supervisors). */
  const augment = (start: number): boolean => {
    const cameFrom = new Map<string, number>(); // supervisor -> offer it was reached from
    const offerVia = new Map<number, string>(); // offer -> supervisor it was reached through
    const queue = [start];
    const seenOffers = new Set([start]);
    while (queue.length) {
      const o = queue.shift()!;
      for (const s of offers[o].supervisorIds) {
        if (cameFrom.has(s) || !capacity.has(s)) continue;
        cameFrom.set(s, o);
        if (used.get(s)! < capacity.get(s)!) {
          // Walk back, moving one student along the path.
          let supervisor = s;
          let offer = o;
          used.set(s, used.get(s)! + 1);
          for (;;) {
            flow[offer].set(supervisor, (flow[offer].get(supervisor) ?? 0) + 1);
            if (offer === start) return true;
            const previous = offerVia.get(offer)!;
            flow[offer].set(previous, flow[offer].get(previous)! - 1);
            supervisor = previous;
            offer = cameFrom.get(previous)!;
          }
        }
        // s is full: try to move one of its students from another offer to another supervisor.
        offers.forEach((_other, index) => {
          if (!seenOffers.has(index) && (flow[index].get(s) ?? 0) > 0) {
            seenOffers.add(index);
            offerVia.set(index, s);
            queue.push(index);
          }
        });
      }
    }
    return false;
  };

  for (let o = 0; o < offers.length; o++) {
    while (sent[o] < need[o] && augment(o)) sent[o]++;
    if (sent[o] < need[o]) return shortfall(o);
  }
  return null;

  /** Everything reachable from the offer that could not be covered: a Hall set that falls short. */
  function shortfall(start: number): Overcommitment {
    const offerSet = new Set([start]);
    const supervisorSet = new Set<string>();
    const queue = [start];
    while (queue.length) {
      const o = queue.shift()!;
      for (const s of offers[o].supervisorIds) {
        if (supervisorSet.has(s) || !capacity.has(s)) continue;
        supervisorSet.add(s);
        offers.forEach((_other, index) => {
          if (!offerSet.has(index) && (flow[index].get(s) ?? 0) > 0) {
            offerSet.add(index);
            queue.push(index);
          }
        });
      }
    }
    const offerIds = [...offerSet].sort((a, b) => a - b);
    return {
      offerIds: offerIds.map((index) => offers[index].id),
      supervisorIds: [...supervisorSet].sort(),
      needed: offerIds.reduce((sum, index) => sum + need[index], 0),
      capacity: [...supervisorSet].reduce((sum, id) => sum + capacity.get(id)!, 0),
    };
  }
}
