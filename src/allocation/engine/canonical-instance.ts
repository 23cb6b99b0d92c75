import type { AllocationInstance } from './allocation-instance';

/**
 * An allocation instance in index form, independent of the order of the input arrays: groups,
 * students and slots sorted by id, and each student's allowed slots sorted by slot index with
 * duplicate pairs merged. Everything downstream iterates in this order, which is what makes the
 * solver's choice among equally good plans deterministic.
 */
export interface CanonicalInstance {
  groupIds: string[];
  groupQuota: Int32Array;
  studentIds: string[];
  studentGroup: Int32Array;
  slotIds: string[];
  slotCapacity: Int32Array;
  /** The pairs of student `s` are `edgeStart[s]` .. `edgeStart[s + 1] - 1`. */
  edgeStart: Int32Array;
  edgeSlot: Int32Array;
  edgeCost: Float64Array;
  maxCost: number;
}

/**
 * Checks the instance and brings it into canonical form.
 *
 * @throws Error naming the first problem found: a duplicate id, a reference to an unknown
 *   group, student or slot, or a quota, capacity or cost that is not an integer >= 0.
 */
export function canonicalise(instance: AllocationInstance): CanonicalInstance {
  const { groups, students, slots, edges } = instance;
  for (const key of ['groups', 'students', 'slots', 'edges'] as const) {
    if (!Array.isArray(instance[key])) fail(`${key} must be an array`);
  }

  const groupOrder = sortedById(groups, 'group');
  const studentOrder = sortedById(students, 'student');
  const slotOrder = sortedById(slots, 'slot');
  const groupIndex = indexOf(groups, groupOrder);
  const studentIndex = indexOf(students, studentOrder);
  const slotIndex = indexOf(slots, slotOrder);

  // Above the number of students a quota or capacity can never bind, so clamping keeps the
  // answer and lets every capacity fit in an Int32Array.
  const limit = students.length;
  const groupQuota = new Int32Array(groupOrder.length);
  groupOrder.forEach(
    (g, i) => (groupQuota[i] = Math.min(count(groups[g].quota, `quota of group "${groups[g].id}"`), limit)),
  );
  const slotCapacity = new Int32Array(slotOrder.length);
  slotOrder.forEach(
    (s, i) => (slotCapacity[i] = Math.min(count(slots[s].capacity, `capacity of slot "${slots[s].id}"`), limit)),
  );

  const studentGroup = new Int32Array(studentOrder.length);
  studentOrder.forEach((s, i) => {
    const group = groupIndex.get(students[s].group);
    if (group === undefined) fail(`student "${students[s].id}" belongs to unknown group "${students[s].group}"`);
    studentGroup[i] = group;
  });

  // Counting sort of the pairs by student, then per student a sort by slot, merging duplicates.
  const pairStudent = new Int32Array(edges.length);
  const pairSlot = new Int32Array(edges.length);
  const pairCost = new Float64Array(edges.length);
  const perStudent = new Int32Array(studentOrder.length + 1);
  let maxCost = 0;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e];
    if (typeof edge !== 'object' || edge === null) fail(`edge ${e} is not an object`);
    const student = studentIndex.get(edge.student);
    if (student === undefined) fail(`edge ${e} refers to unknown student "${edge.student}"`);
    const slot = slotIndex.get(edge.slot);
    if (slot === undefined) fail(`edge ${e} refers to unknown slot "${edge.slot}"`);
    // Checked inline: this loop runs millions of times and must not build a message per pair.
    const cost = edge.cost;
    if (!isCount(cost)) count(cost, `cost of edge ${e} (student "${edge.student}", slot "${edge.slot}")`);
    if (cost > maxCost) maxCost = cost;
    pairStudent[e] = student;
    pairSlot[e] = slot;
    pairCost[e] = cost;
    perStudent[student + 1]++;
  }
  for (let s = 0; s < studentOrder.length; s++) perStudent[s + 1] += perStudent[s];
  const byStudent = new Int32Array(edges.length);
  const fill = perStudent.slice(0, studentOrder.length);
  for (let e = 0; e < edges.length; e++) byStudent[fill[pairStudent[e]]++] = e;

  const edgeStart = new Int32Array(studentOrder.length + 1);
  const edgeSlot = new Int32Array(edges.length);
  const edgeCost = new Float64Array(edges.length);
  const cheapest = new Float64Array(slotOrder.length);
  const seenBy = new Int32Array(slotOrder.length).fill(-1);
  let kept = 0;
  for (let s = 0; s < studentOrder.length; s++) {
    const first = kept;
    for (let k = perStudent[s]; k < perStudent[s + 1]; k++) {
      const e = byStudent[k];
      const slot = pairSlot[e];
      const cost = pairCost[e];
      if (seenBy[slot] !== s) {
        seenBy[slot] = s;
        cheapest[slot] = cost;
        edgeSlot[kept++] = slot;
      } else if (cost < cheapest[slot]) {
        cheapest[slot] = cost;
      }
    }
    edgeSlot.subarray(first, kept).sort();
    for (let k = first; k < kept; k++) edgeCost[k] = cheapest[edgeSlot[k]];
    edgeStart[s + 1] = kept;
  }

  // Potentials and path lengths stay within (nodes × largest cost); beyond 2^53 doubles would
  // round and the answer would no longer be exact.
  const nodes = groupOrder.length + studentOrder.length + slotOrder.length + 2;
  if (maxCost * (nodes + 2) > Number.MAX_SAFE_INTEGER) {
    fail(`costs up to ${maxCost} are too large to solve exactly for ${nodes} nodes`);
  }

  return {
    groupIds: groupOrder.map((g) => groups[g].id),
    groupQuota,
    studentIds: studentOrder.map((s) => students[s].id),
    studentGroup,
    slotIds: slotOrder.map((s) => slots[s].id),
    slotCapacity,
    edgeStart,
    // Views, not copies: at national size a copy would briefly double 40 MB.
    edgeSlot: edgeSlot.subarray(0, kept),
    edgeCost: edgeCost.subarray(0, kept),
    maxCost,
  };
}

function fail(message: string): never {
  throw new Error(`Invalid allocation instance: ${message}`);
}

/** A quota, capacity or cost: a safe integer >= 0. */
function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function count(value: unknown, what: string): number {
  if (!isCount(value)) fail(`${what} must be an integer >= 0, got ${String(value)}`);
  return value;
}

/** Positions of `items` sorted by id; a repeated id is an error. */
function sortedById(items: { id: string }[], kind: string): number[] {
  items.forEach((item, i) => {
    if (typeof item?.id !== 'string') fail(`${kind} ${i} has no string id`);
  });
  const order = items.map((_, i) => i);
  order.sort((a, b) => compareIds(items[a].id, items[b].id));
  for (let i = 1; i < order.length; i++) {
    if (items[order[i]].id === items[order[i - 1]].id) fail(`duplicate ${kind} id "${items[order[i]].id}"`);
  }
  return order;
}

/** Code-unit order, not localeCompare: the same on every machine. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function indexOf(items: { id: string }[], order: number[]): Map<string, number> {
  const index = new Map<string, number>();
  order.forEach((item, i) => index.set(items[item].id, i));
  return index;
}
