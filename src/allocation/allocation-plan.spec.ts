import { buildInstance, planAllocation, PlanInput } from './allocation-plan';
import { UnplacedReason } from './unplaced-reason';

const student = (
  id: string,
  universityId: string,
  fieldPreferences: string[],
  districtPreferences: string[] = [],
  excludedDistrictIds: string[] = [],
) => ({ id, universityId, fieldPreferences, districtPreferences, excludedDistrictIds });

describe('planAllocation', () => {
  it('builds an edge for each offer in one of the student’s fields, priced by field and district rank, never in an excluded district', () => {
    const instance = buildInstance({
      universities: [{ id: 'su', quota: 5 }],
      students: [student('a', 'su', ['elderly', 'disability'], ['d2']), student('b', 'su', ['elderly'], [], ['d1'])],
      offers: [
        { id: 'o1', districtId: 'd1', field: 'elderly', free: 1, supervisorIds: [] },
        { id: 'o2', districtId: 'd2', field: 'disability', free: 1, supervisorIds: [] },
        { id: 'o3', districtId: 'd3', field: 'children_youth', free: 1, supervisorIds: [] },
      ],
      supervisors: [],
    });
    expect(instance.edges).toEqual([
      { student: 'a', slot: 'o1', cost: 0 + 3 },
      { student: 'a', slot: 'o2', cost: 2 + 0 },
    ]);
  });

  it('gives trained supervisors first, shares a supervisor across offers, and never exceeds capacity', () => {
    const input: PlanInput = {
      universities: [{ id: 'su', quota: 10 }],
      students: [student('a', 'su', ['elderly']), student('b', 'su', ['elderly']), student('c', 'su', ['disability'])],
      offers: [
        { id: 'o1', districtId: 'd1', field: 'elderly', free: 2, supervisorIds: ['new', 'trained'] },
        { id: 'o2', districtId: 'd1', field: 'disability', free: 1, supervisorIds: ['trained'] },
      ],
      supervisors: [
        { id: 'trained', free: 2, trainingStatus: 'completed' },
        { id: 'new', free: 2, trainingStatus: 'none' },
      ],
    };
    const plan = planAllocation(input);
    expect(plan.placed).toBe(3);
    // c can only have the trained supervisor, so a and b share the one left and the untrained one.
    const supervisors = Object.fromEntries(plan.proposals.map((p) => [p.studentId, p.supervisorId]));
    expect(supervisors.c).toBe('trained');
    expect([supervisors.a, supervisors.b].sort()).toEqual(['new', 'trained']);
  });

  it('says why each student is left out', () => {
    const offer = (free: number) => [{ id: 'o1', districtId: 'd1', field: 'elderly', free, supervisorIds: ['x'] }];
    const supervisors = [{ id: 'x', free: 9, trainingStatus: 'in_progress' as const }];
    const reasons = (input: PlanInput) => planAllocation(input).unplaced.map((u) => [u.studentId, u.reason]);

    const quota = {
      universities: [{ id: 'su', quota: 1 }],
      students: [student('a', 'su', ['elderly']), student('b', 'su', ['elderly'])],
      offers: offer(5),
      supervisors,
    };
    expect(reasons(quota)).toEqual([['b', UnplacedReason.QuotaReached]]);
    const full = { ...quota, universities: [{ id: 'su', quota: 5 }], offers: offer(1) };
    expect(reasons(full)).toEqual([['b', UnplacedReason.CapacityExhausted]]);
    const unwanted = { ...full, students: [student('a', 'su', ['disability'])] };
    expect(reasons(unwanted)).toEqual([['a', UnplacedReason.NoAcceptableOffer]]);
    const excluded = { ...full, students: [student('a', 'su', ['elderly'], [], ['d1'])] };
    expect(reasons(excluded)).toEqual([['a', UnplacedReason.NoAcceptableOffer]]);
    expect(planAllocation(quota).universities).toEqual([{ universityId: 'su', quota: 1, placed: 1 }]);
  });
});
