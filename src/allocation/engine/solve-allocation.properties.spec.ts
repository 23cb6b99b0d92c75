import fc from 'fast-check';
import { solveAllocation, type AllocationInstance, type AllocationResult } from '.';

/**
 * Small instances a brute force can enumerate: ≤ 7 students, ≤ 4 slots, each student allowed a
 * random subset of the slots, and a few pairs given a second time at another cost.
 */
const smallInstance: fc.Arbitrary<AllocationInstance> = fc
  .record({
    quotas: fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 3 }),
    // Counts drawn apart from the arrays and without fast-check's bias towards small values,
    // so that most instances have several students competing for the slots.
    slotCount: fc.noBias(fc.integer({ min: 1, max: 4 })),
    capacities: fc.array(fc.nat({ max: 3 }), { minLength: 4, maxLength: 4 }),
    studentCount: fc.noBias(fc.integer({ min: 0, max: 7 })),
    students: fc.array(
      fc.record({
        group: fc.nat(),
        costs: fc.array(fc.option(fc.nat({ max: 8 }), { nil: undefined, freq: 2 }), { minLength: 4, maxLength: 4 }),
      }),
      { minLength: 7, maxLength: 7 },
    ),
    repeats: fc.array(fc.record({ student: fc.nat(), slot: fc.nat(), cost: fc.nat({ max: 8 }) }), { maxLength: 3 }),
  })
  .map(({ quotas, slotCount, capacities, studentCount, students, repeats }) => {
    const chosen = students.slice(0, studentCount);
    const slots = capacities.slice(0, slotCount).map((capacity, t) => ({ id: `slot-${t}`, capacity }));
    return {
      groups: quotas.map((quota, g) => ({ id: `university-${g}`, quota })),
      students: chosen.map((student, s) => ({
        id: `student-${s}`,
        group: `university-${student.group % quotas.length}`,
      })),
      slots,
      edges: [
        ...chosen.flatMap((student, s) =>
          slots.flatMap((_, t) =>
            student.costs[t] === undefined
              ? []
              : [{ student: `student-${s}`, slot: `slot-${t}`, cost: student.costs[t] }],
          ),
        ),
        ...(studentCount === 0
          ? []
          : repeats.map((pair) => ({
              student: `student-${pair.student % studentCount}`,
              slot: `slot-${pair.slot % slotCount}`,
              cost: pair.cost,
            }))),
      ],
    };
  });

/** Each pair's cost, the cheapest where a pair is given more than once. */
function pairCosts(instance: AllocationInstance): Map<string, number> {
  const costs = new Map<string, number>();
  for (const edge of instance.edges) {
    const key = `${edge.student}\n${edge.slot}`;
    costs.set(key, Math.min(costs.get(key) ?? Infinity, edge.cost));
  }
  return costs;
}

/**
 * Tries every plan: each student in turn goes nowhere or to one allowed slot with room left,
 * within the university's quota. Keeps the most placed, then the cheapest.
 */
function bruteForce(instance: AllocationInstance): { placed: number; totalCost: number } {
  const costs = pairCosts(instance);
  const load = new Map(instance.slots.map((slot) => [slot.id, 0]));
  const placedOf = new Map(instance.groups.map((group) => [group.id, 0]));
  const quota = new Map(instance.groups.map((group) => [group.id, group.quota]));
  let best = { placed: 0, totalCost: 0 };
  const choose = (i: number, placed: number, totalCost: number): void => {
    if (i === instance.students.length) {
      if (placed > best.placed || (placed === best.placed && totalCost < best.totalCost)) best = { placed, totalCost };
      return;
    }
    const student = instance.students[i];
    choose(i + 1, placed, totalCost);
    for (const slot of instance.slots) {
      const cost = costs.get(`${student.id}\n${slot.id}`);
      if (cost === undefined) continue;
      if (load.get(slot.id)! >= slot.capacity || placedOf.get(student.group)! >= quota.get(student.group)!) continue;
      load.set(slot.id, load.get(slot.id)! + 1);
      placedOf.set(student.group, placedOf.get(student.group)! + 1);
      choose(i + 1, placed + 1, totalCost + cost);
      load.set(slot.id, load.get(slot.id)! - 1);
      placedOf.set(student.group, placedOf.get(student.group)! - 1);
    }
  };
  choose(0, 0, 0);
  return best;
}

/** Checks the plan against every rule and returns the violations (none when it is valid). */
function violations(instance: AllocationInstance, result: AllocationResult): string[] {
  const found: string[] = [];
  const costs = pairCosts(instance);
  const groupOf = new Map(instance.students.map((student) => [student.id, student.group]));
  const load = new Map<string, number>();
  const placedOf = new Map<string, number>();
  const seen = new Set<string>();
  let totalCost = 0;
  result.assignments.forEach(({ student, slot }, i) => {
    const cost = costs.get(`${student}\n${slot}`);
    if (cost === undefined) found.push(`${student} → ${slot} is not an allowed pair`);
    else totalCost += cost;
    if (seen.has(student)) found.push(`${student} is placed twice`);
    seen.add(student);
    if (i > 0 && !(result.assignments[i - 1].student < student)) found.push(`${student} is out of order`);
    load.set(slot, (load.get(slot) ?? 0) + 1);
    const group = groupOf.get(student) as string;
    placedOf.set(group, (placedOf.get(group) ?? 0) + 1);
  });
  for (const slot of instance.slots)
    if ((load.get(slot.id) ?? 0) > slot.capacity) found.push(`${slot.id} is over capacity`);
  for (const group of instance.groups)
    if ((placedOf.get(group.id) ?? 0) > group.quota) found.push(`${group.id} is over quota`);
  if (result.placed !== result.assignments.length)
    found.push(`placed ${result.placed} but ${result.assignments.length} assignments`);
  if (result.totalCost !== totalCost) found.push(`totalCost ${result.totalCost} but the pairs add up to ${totalCost}`);
  return found;
}

interface Arc {
  to: number;
  cap: number;
  cost: number;
  flow: number;
  /** The arc in the opposite direction; flow on one is minus the flow on the other. */
  back: Arc;
}

/**
 * The allocation network written independently of the engine (objects, not typed arrays), with
 * the plan as its flow: source 0, then universities, students, slots, and the sink last.
 */
function networkOf(instance: AllocationInstance, result: AllocationResult): { arcs: Arc[][]; sink: number } {
  const index = new Map<string, number>();
  instance.groups.forEach((g) => index.set(`g:${g.id}`, index.size + 1));
  instance.students.forEach((s) => index.set(`s:${s.id}`, index.size + 1));
  instance.slots.forEach((t) => index.set(`t:${t.id}`, index.size + 1));
  const sink = index.size + 1;
  const arcs: Arc[][] = Array.from({ length: sink + 1 }, () => []);
  const costs = pairCosts(instance);
  const assigned = new Map(result.assignments.map((a) => [a.student, a.slot]));
  const add = (u: number, v: number, cap: number, cost: number, flow: number): void => {
    const forward = { to: v, cap, cost, flow } as Arc;
    const backward = { to: u, cap: 0, cost: -cost, flow: -flow, back: forward };
    forward.back = backward;
    arcs[u].push(forward);
    arcs[v].push(backward);
  };
  const placedOf = (group: string): number =>
    instance.students.filter((s) => s.group === group && assigned.has(s.id)).length;
  const loadOf = (slot: string): number => result.assignments.filter((a) => a.slot === slot).length;
  for (const g of instance.groups) add(0, index.get(`g:${g.id}`)!, g.quota, 0, placedOf(g.id));
  for (const s of instance.students)
    add(index.get(`g:${s.group}`)!, index.get(`s:${s.id}`)!, 1, 0, assigned.has(s.id) ? 1 : 0);
  for (const [key, cost] of costs) {
    const [student, slot] = key.split('\n');
    add(index.get(`s:${student}`)!, index.get(`t:${slot}`)!, 1, cost, assigned.get(student) === slot ? 1 : 0);
  }
  for (const t of instance.slots) add(index.get(`t:${t.id}`)!, sink, t.capacity, 0, loadOf(t.id));
  return { arcs, sink };
}

/** Maximum flow value by BFS augmenting paths (Edmonds–Karp), from zero flow. */
function maxFlowValue(instance: AllocationInstance): number {
  const { arcs, sink } = networkOf(instance, { assignments: [], placed: 0, totalCost: 0 });
  let value = 0;
  for (;;) {
    const via = new Map<number, [number, Arc]>();
    const queue = [0];
    while (queue.length > 0 && !via.has(sink)) {
      const u = queue.shift()!;
      for (const arc of arcs[u]) {
        if (arc.cap - arc.flow > 0 && arc.to !== 0 && !via.has(arc.to)) {
          via.set(arc.to, [u, arc]);
          queue.push(arc.to);
        }
      }
    }
    if (!via.has(sink)) return value;
    for (let v = sink; v !== 0;) {
      const [u, arc] = via.get(v)!;
      arc.flow += 1;
      arc.back.flow -= 1;
      v = u;
    }
    value += 1;
  }
}

/**
 * A flow is the cheapest of its value exactly when its residual network has no cycle of
 * negative cost (Bellman–Ford from every node at once).
 */
function hasNegativeCycle(instance: AllocationInstance, result: AllocationResult): boolean {
  const { arcs } = networkOf(instance, result);
  const dist = arcs.map(() => 0);
  for (let round = 0; round <= arcs.length; round++) {
    let changed = false;
    arcs.forEach((out, u) => {
      for (const arc of out) {
        if (arc.cap - arc.flow > 0 && dist[u] + arc.cost < dist[arc.to]) {
          dist[arc.to] = dist[u] + arc.cost;
          changed = true;
        }
      }
    });
    if (!changed) return false;
  }
  return true;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Instances of a few hundred students, drawn from a seeded generator that fast-check varies. */
const largerInstance: fc.Arbitrary<AllocationInstance> = fc
  .record({
    seed: fc.integer(),
    students: fc.integer({ min: 20, max: 300 }),
    slots: fc.integer({ min: 1, max: 80 }),
    pairsPerStudent: fc.integer({ min: 1, max: 12 }),
    maxCost: fc.constantFrom(0, 2, 8, 1000, 2 ** 40),
  })
  .map(({ seed, students, slots, pairsPerStudent, maxCost }) => {
    const random = mulberry32(seed);
    const int = (n: number): number => Math.floor(random() * n);
    const groupCount = 1 + int(4);
    // Quotas around each university's share of the students, so that some of them bind.
    const groups = Array.from({ length: groupCount }, (_, g) => ({
      id: `university-${g}`,
      quota: int((2 * students) / groupCount),
    }));
    return {
      groups,
      students: Array.from({ length: students }, (_, s) => ({
        id: `student-${s}`,
        group: groups[int(groups.length)].id,
      })),
      slots: Array.from({ length: slots }, (_, t) => ({ id: `slot-${t}`, capacity: int(5) })),
      edges: Array.from({ length: students * pairsPerStudent }, (_, k) => ({
        student: `student-${Math.floor(k / pairsPerStudent)}`,
        slot: `slot-${int(slots)}`,
        cost: Math.round(random() * maxCost),
      })),
    };
  });

/** The same instance with its four arrays in another order. */
const reordered = (instance: AllocationInstance): fc.Arbitrary<AllocationInstance> =>
  fc.record({
    groups: fc.shuffledSubarray(instance.groups, { minLength: instance.groups.length }),
    students: fc.shuffledSubarray(instance.students, { minLength: instance.students.length }),
    slots: fc.shuffledSubarray(instance.slots, { minLength: instance.slots.length }),
    edges: fc.shuffledSubarray(instance.edges, { minLength: instance.edges.length }),
  });

describe('solveAllocation, checked against independent computations', () => {
  it('places as many students as any plan can, and at the lowest cost among those plans (brute force)', () => {
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const { placed, totalCost } = solveAllocation(instance);
        expect({ placed, totalCost }).toEqual(bruteForce(instance));
      }),
      { numRuns: 1000 },
    );
  });

  it('returns only allowed pairs, within every capacity and quota, adding up to what it reports', () => {
    fc.assert(
      fc.property(fc.oneof(smallInstance, largerInstance), (instance) => {
        expect(violations(instance, solveAllocation(instance))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('on larger terms places the maximum number (Edmonds–Karp) at a cost no exchange of places can lower', () => {
    fc.assert(
      fc.property(largerInstance, (instance) => {
        const result = solveAllocation(instance);
        expect(violations(instance, result)).toEqual([]);
        expect(result.placed).toBe(maxFlowValue(instance));
        expect(hasNegativeCycle(instance, result)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the identical plan however groups, students, slots and pairs are ordered', () => {
    // Costs 0–2 make many plans equally good, so the tie-breaking itself is tested.
    const tiedInstance = fc.oneof(
      smallInstance,
      largerInstance.map((instance) => ({
        ...instance,
        edges: instance.edges.map((edge) => ({ ...edge, cost: edge.cost % 3 })),
      })),
    );
    fc.assert(
      fc.property(
        tiedInstance.chain((instance) => fc.tuple(fc.constant(instance), reordered(instance))),
        ([instance, shuffled]) => {
          expect(solveAllocation(shuffled)).toEqual(solveAllocation(instance));
        },
      ),
      { numRuns: 300 },
    );
  });
});
