import type { CanonicalInstance } from './canonical-instance';

/**
 * A residual flow network in compressed (CSR) form: the arcs leaving node `u` are
 * `start[u]` .. `start[u + 1] - 1`. Every arc has a partner `rev[a]` in the opposite direction
 * with the negated cost; pushing flow on an arc moves residual capacity to its partner.
 *
 * Typed arrays rather than an object per arc: at national size (3.6 million pairs, 7 million
 * residual arcs) objects would cost several times the memory and be slower to scan.
 */
export interface FlowNetwork {
  nodeCount: number;
  source: number;
  sink: number;
  start: Int32Array;
  to: Int32Array;
  /** Residual capacity; the solver changes it in place. */
  cap: Int32Array;
  cost: Float64Array;
  rev: Int32Array;
}

/** Node numbers of the allocation network, in the order source, groups, students, slots, sink. */
export interface AllocationNodes {
  firstGroup: number;
  firstStudent: number;
  firstSlot: number;
}

/**
 * Builds source → group (capacity quota) → student (capacity 1) → slot (capacity 1, the pair's
 * cost) → sink (capacity of the slot). A flow of value k is a plan placing k students.
 */
export function buildAllocationNetwork(instance: CanonicalInstance): { network: FlowNetwork; nodes: AllocationNodes } {
  const groupCount = instance.groupIds.length;
  const studentCount = instance.studentIds.length;
  const slotCount = instance.slotIds.length;
  const pairCount = instance.edgeSlot.length;

  const source = 0;
  const firstGroup = 1;
  const firstStudent = firstGroup + groupCount;
  const firstSlot = firstStudent + studentCount;
  const sink = firstSlot + slotCount;
  const nodeCount = sink + 1;
  const arcCount = 2 * (groupCount + studentCount + pairCount + slotCount);

  const degree = new Int32Array(nodeCount);
  degree[source] = groupCount;
  degree[sink] = slotCount;
  for (let g = 0; g < groupCount; g++) degree[firstGroup + g] = 1;
  for (let s = 0; s < studentCount; s++) {
    degree[firstGroup + instance.studentGroup[s]]++;
    degree[firstStudent + s] = 1 + instance.edgeStart[s + 1] - instance.edgeStart[s];
  }
  for (let k = 0; k < pairCount; k++) degree[firstSlot + instance.edgeSlot[k]]++;
  for (let t = 0; t < slotCount; t++) degree[firstSlot + t]++;

  const start = new Int32Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u++) start[u + 1] = start[u] + degree[u];
  const to = new Int32Array(arcCount);
  const cap = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const rev = new Int32Array(arcCount);

  const next = start.slice(0, nodeCount);
  const addArc = (u: number, v: number, capacity: number, arcCost: number): void => {
    const a = next[u]++;
    const b = next[v]++;
    to[a] = v;
    cap[a] = capacity;
    cost[a] = arcCost;
    rev[a] = b;
    to[b] = u;
    cost[b] = -arcCost;
    rev[b] = a;
  };
  for (let g = 0; g < groupCount; g++) addArc(source, firstGroup + g, instance.groupQuota[g], 0);
  for (let s = 0; s < studentCount; s++) addArc(firstGroup + instance.studentGroup[s], firstStudent + s, 1, 0);
  for (let s = 0; s < studentCount; s++) {
    for (let k = instance.edgeStart[s]; k < instance.edgeStart[s + 1]; k++) {
      addArc(firstStudent + s, firstSlot + instance.edgeSlot[k], 1, instance.edgeCost[k]);
    }
  }
  for (let t = 0; t < slotCount; t++) addArc(firstSlot + t, sink, instance.slotCapacity[t], 0);

  const network: FlowNetwork = { nodeCount, source, sink, start, to, cap, cost, rev };
  return { network, nodes: { firstGroup, firstStudent, firstSlot } };
}
