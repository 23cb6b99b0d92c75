import type { AllocationInstance, AllocationResult } from './allocation-instance';
import { canonicalise } from './canonical-instance';
import { buildAllocationNetwork } from './flow-network';
import { minCostMaxFlow } from './min-cost-flow';

export type { AllocationInstance, AllocationResult } from './allocation-instance';

/**
 * Places as many students as possible — each in at most one slot, no slot above its capacity,
 * no university above its quota — and among all such plans returns one of minimum total cost.
 *
 * Solved exactly as a min-cost max-flow (source → university → student → slot → sink). The
 * result depends only on the content of the instance, not on the order of its arrays: the input
 * is sorted by id first and every tie is then broken in that order.
 *
 * @throws Error when the instance is invalid: duplicate ids, a student in an unknown group, a
 *   pair naming an unknown student or slot, or a quota, capacity or cost that is not an
 *   integer >= 0.
 */
export function solveAllocation(instance: AllocationInstance): AllocationResult {
  const canonical = canonicalise(instance);
  const { network, nodes } = buildAllocationNetwork(canonical);
  minCostMaxFlow(network);

  // A student's arc to a slot with no residual capacity left carries that student's one unit.
  const assignments: AllocationResult['assignments'] = [];
  let totalCost = 0;
  for (let s = 0; s < canonical.studentIds.length; s++) {
    const u = nodes.firstStudent + s;
    for (let a = network.start[u]; a < network.start[u + 1]; a++) {
      const v = network.to[a];
      if (v >= nodes.firstSlot && network.cap[a] === 0) {
        assignments.push({ student: canonical.studentIds[s], slot: canonical.slotIds[v - nodes.firstSlot] });
        totalCost += network.cost[a];
        break;
      }
    }
  }
  return { assignments, placed: assignments.length, totalCost };
}
