/**
 * One allocation problem: who may go where, at what cost, within which limits.
 *
 * Ids are compared as plain strings (UTF-16 code units), so the same ids give the same answer on
 * every machine and locale.
 */
export interface AllocationInstance {
  /** Universities; `quota` is the most students of that university who may be placed (integer >= 0). */
  groups: { id: string; quota: number }[];
  /** Students, each belonging to one group. */
  students: { id: string; group: string }[];
  /** Usable places of each offer; `capacity` is an integer >= 0. */
  slots: { id: string; capacity: number }[];
  /**
   * Allowed student–slot pairs with an integer cost >= 0 (lower is better). A pair given twice
   * counts once, at its lowest cost.
   */
  edges: { student: string; slot: string; cost: number }[];
}

/** The chosen placements: as many students as possible, and among those plans the cheapest. */
export interface AllocationResult {
  /** One entry per placed student, sorted by student id. */
  assignments: { student: string; slot: string }[];
  /** Number of placed students: the maximum possible. */
  placed: number;
  /** Sum of the costs of the chosen pairs: the minimum among plans placing `placed` students. */
  totalCost: number;
}
