import { AllocationInstance, solveAllocation } from './engine';
import { preferenceCost, StudentWishes } from './preference-cost';
import { UnplacedReason } from './unplaced-reason';

export interface PlanStudent extends StudentWishes {
  id: string;
  universityId: string;
}

export interface PlanOffer {
  id: string;
  districtId: string;
  field: string;
  /** Usable places not taken by published placements. */
  free: number;
  supervisorIds: readonly string[];
}

export interface PlanSupervisor {
  id: string;
  /** Capacity not taken by published placements. */
  free: number;
  trainingStatus: 'completed' | 'in_progress' | 'none';
}

export interface PlanInput {
  /** Quota left per university (its quota less its published placements). */
  universities: { id: string; quota: number }[];
  students: PlanStudent[];
  offers: PlanOffer[];
  supervisors: PlanSupervisor[];
}

export interface Plan {
  placed: number;
  totalCost: number;
  proposals: { studentId: string; offerId: string; supervisorId: string; cost: number }[];
  unplaced: { studentId: string; reason: UnplacedReason }[];
  universities: { universityId: string; quota: number; placed: number }[];
}

/** Supervisors with training first: completed, then in progress, then none. */
const TRAINING_COST = { completed: 0, in_progress: 1, none: 2 } as const;

/** The engine's instance for a term (DESIGN.md §5): one slot per offer, one group per university. */
export function buildInstance(input: PlanInput): AllocationInstance {
  const offersIn = new Map<string, PlanOffer[]>();
  for (const offer of input.offers) offersIn.set(offer.field, [...(offersIn.get(offer.field) ?? []), offer]);
  return {
    groups: input.universities.map((u) => ({ id: u.id, quota: Math.max(0, u.quota) })),
    students: input.students.map((s) => ({ id: s.id, group: s.universityId })),
    slots: input.offers.map((o) => ({ id: o.id, capacity: Math.max(0, o.free) })),
    edges: input.students.flatMap((student) =>
      student.fieldPreferences.flatMap((field) =>
        (offersIn.get(field) ?? []).flatMap((offer) => {
          const cost = preferenceCost(student, offer.field, offer.districtId);
          return cost === null ? [] : [{ student: student.id, slot: offer.id, cost }];
        }),
      ),
    ),
  };
}

/**
 * A full proposal for a term: the exact allocation of students to offers, a supervisor for each
 * placed student (trained first, never over capacity; itself an exact assignment, since one
 * supervisor may serve several offers), and why each other student was left out.
 */
export function planAllocation(input: PlanInput): Plan {
  const instance = buildInstance(input);
  const result = solveAllocation(instance);
  const costOf = new Map(instance.edges.map((e) => [`${e.student}|${e.slot}`, e.cost]));

  const offerOf = new Map(input.offers.map((o) => [o.id, o]));
  const training = new Map(input.supervisors.map((s) => [s.id, s.trainingStatus]));
  const supervision = solveAllocation({
    groups: [{ id: 'all', quota: result.assignments.length }],
    students: result.assignments.map((a) => ({ id: a.student, group: 'all' })),
    slots: input.supervisors.map((s) => ({ id: s.id, capacity: Math.max(0, s.free) })),
    edges: result.assignments.flatMap((a) =>
      offerOf
        .get(a.slot)!
        .supervisorIds.filter((id) => training.has(id))
        .map((id) => ({ student: a.student, slot: id, cost: TRAINING_COST[training.get(id)!] })),
    ),
  });
  const supervisorOf = new Map(supervision.assignments.map((a) => [a.student, a.slot]));

  // Supervisor capacity was checked when the offers were reported, so every placed student gets
  // one; a student who somehow did not is left unplaced rather than placed without supervision.
  const proposals = result.assignments
    .filter((a) => supervisorOf.has(a.student))
    .map((a) => ({
      studentId: a.student,
      offerId: a.slot,
      supervisorId: supervisorOf.get(a.student)!,
      cost: costOf.get(`${a.student}|${a.slot}`)!,
    }));
  const placedStudents = new Set(proposals.map((p) => p.studentId));

  const placedPer = new Map<string, number>();
  for (const student of input.students)
    if (placedStudents.has(student.id))
      placedPer.set(student.universityId, (placedPer.get(student.universityId) ?? 0) + 1);
  const withEdges = new Set(instance.edges.map((e) => e.student));
  const quotaOf = new Map(input.universities.map((u) => [u.id, Math.max(0, u.quota)]));
  const unplaced = input.students
    .filter((s) => !placedStudents.has(s.id))
    .map((s) => ({
      studentId: s.id,
      reason: !withEdges.has(s.id)
        ? UnplacedReason.NoAcceptableOffer
        : (placedPer.get(s.universityId) ?? 0) >= (quotaOf.get(s.universityId) ?? 0)
          ? UnplacedReason.QuotaReached
          : UnplacedReason.CapacityExhausted,
    }));

  return {
    placed: proposals.length,
    totalCost: proposals.reduce((sum, p) => sum + p.cost, 0),
    proposals,
    unplaced,
    universities: input.universities.map((u) => ({
      universityId: u.id,
      quota: Math.max(0, u.quota),
      placed: placedPer.get(u.id) ?? 0,
    })),
  };
}
