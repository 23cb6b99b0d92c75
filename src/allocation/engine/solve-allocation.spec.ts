import { solveAllocation, type AllocationInstance } from '.';

const one = (overrides: Partial<AllocationInstance> = {}): AllocationInstance => ({
  groups: [{ id: 'su', quota: 10 }],
  students: [{ id: 'anna', group: 'su' }],
  slots: [{ id: 'farsta-1', capacity: 1 }],
  edges: [{ student: 'anna', slot: 'farsta-1', cost: 0 }],
  ...overrides,
});

describe('solveAllocation', () => {
  it('returns an empty plan for an empty term', () => {
    expect(solveAllocation({ groups: [], students: [], slots: [], edges: [] })).toEqual({
      assignments: [],
      placed: 0,
      totalCost: 0,
    });
  });

  it('places a student in an allowed slot', () => {
    expect(solveAllocation(one())).toEqual({
      assignments: [{ student: 'anna', slot: 'farsta-1' }],
      placed: 1,
      totalCost: 0,
    });
  });

  it('never places more students of a university than its quota, even with places left', () => {
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 1 }],
      students: [
        { id: 'anna', group: 'su' },
        { id: 'bo', group: 'su' },
        { id: 'cia', group: 'su' },
      ],
      slots: [{ id: 'farsta-1', capacity: 3 }],
      edges: ['anna', 'bo', 'cia'].map((student) => ({ student, slot: 'farsta-1', cost: 1 })),
    });
    expect(result.placed).toBe(1);
    expect(result.totalCost).toBe(1);
  });

  it('fills the places of one university up to its quota and gives the rest to another', () => {
    const result = solveAllocation({
      groups: [
        { id: 'su', quota: 1 },
        { id: 'ersta', quota: 5 },
      ],
      students: [
        { id: 'anna', group: 'su' },
        { id: 'bo', group: 'su' },
        { id: 'cia', group: 'ersta' },
      ],
      slots: [{ id: 'farsta-1', capacity: 3 }],
      edges: ['anna', 'bo', 'cia'].map((student) => ({ student, slot: 'farsta-1', cost: 0 })),
    });
    expect(result.placed).toBe(2);
    expect(result.assignments.filter((a) => a.student === 'cia')).toHaveLength(1);
  });

  it('never places more students in a slot than its capacity', () => {
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 10 }],
      students: ['anna', 'bo', 'cia'].map((id) => ({ id, group: 'su' })),
      slots: [{ id: 'farsta-1', capacity: 2 }],
      edges: ['anna', 'bo', 'cia'].map((student) => ({ student, slot: 'farsta-1', cost: 0 })),
    });
    expect(result.placed).toBe(2);
  });

  it('prefers placing one more student to a cheaper plan that leaves someone out', () => {
    // Anna's cheap slot is the only one Bo may take: Anna must go to her expensive one.
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 10 }],
      students: [
        { id: 'anna', group: 'su' },
        { id: 'bo', group: 'su' },
      ],
      slots: [
        { id: 'farsta-1', capacity: 1 },
        { id: 'kista-1', capacity: 1 },
      ],
      edges: [
        { student: 'anna', slot: 'farsta-1', cost: 0 },
        { student: 'anna', slot: 'kista-1', cost: 8 },
        { student: 'bo', slot: 'farsta-1', cost: 8 },
      ],
    });
    expect(result).toEqual({
      assignments: [
        { student: 'anna', slot: 'kista-1' },
        { student: 'bo', slot: 'farsta-1' },
      ],
      placed: 2,
      totalCost: 16,
    });
  });

  it('among plans placing the same number, picks the cheapest', () => {
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 10 }],
      students: [
        { id: 'anna', group: 'su' },
        { id: 'bo', group: 'su' },
      ],
      slots: [
        { id: 'farsta-1', capacity: 1 },
        { id: 'kista-1', capacity: 1 },
      ],
      edges: [
        { student: 'anna', slot: 'farsta-1', cost: 0 },
        { student: 'anna', slot: 'kista-1', cost: 1 },
        { student: 'bo', slot: 'farsta-1', cost: 2 },
        { student: 'bo', slot: 'kista-1', cost: 5 },
      ],
    });
    // anna→kista + bo→farsta costs 3; anna→farsta + bo→kista costs 5.
    expect(result.assignments).toEqual([
      { student: 'anna', slot: 'kista-1' },
      { student: 'bo', slot: 'farsta-1' },
    ]);
    expect(result.totalCost).toBe(3);
  });

  it('gives the same answer to equally good plans however the input is ordered', () => {
    const instance: AllocationInstance = {
      groups: [{ id: 'su', quota: 10 }],
      students: ['anna', 'bo', 'cia'].map((id) => ({ id, group: 'su' })),
      slots: [
        { id: 'farsta-1', capacity: 1 },
        { id: 'kista-1', capacity: 1 },
      ],
      edges: ['anna', 'bo', 'cia'].flatMap((student) =>
        ['farsta-1', 'kista-1'].map((slot) => ({ student, slot, cost: 2 })),
      ),
    };
    const reversed: AllocationInstance = {
      groups: [...instance.groups].reverse(),
      students: [...instance.students].reverse(),
      slots: [...instance.slots].reverse(),
      edges: [...instance.edges].reverse(),
    };
    const result = solveAllocation(instance);
    expect(result.placed).toBe(2);
    expect(result.totalCost).toBe(4);
    expect(solveAllocation(reversed)).toEqual(result);
  });

  it('places nobody from a university with quota 0 and nobody in a slot with capacity 0', () => {
    const result = solveAllocation({
      groups: [
        { id: 'closed', quota: 0 },
        { id: 'su', quota: 5 },
      ],
      students: [
        { id: 'anna', group: 'closed' },
        { id: 'bo', group: 'su' },
      ],
      slots: [
        { id: 'full', capacity: 0 },
        { id: 'farsta-1', capacity: 2 },
      ],
      edges: [
        { student: 'anna', slot: 'farsta-1', cost: 0 },
        { student: 'bo', slot: 'full', cost: 0 },
        { student: 'bo', slot: 'farsta-1', cost: 7 },
      ],
    });
    expect(result).toEqual({ assignments: [{ student: 'bo', slot: 'farsta-1' }], placed: 1, totalCost: 7 });
  });

  it('leaves a student with no allowed slot unplaced', () => {
    const result = solveAllocation(
      one({
        students: [
          { id: 'anna', group: 'su' },
          { id: 'bo', group: 'su' },
        ],
      }),
    );
    expect(result.assignments).toEqual([{ student: 'anna', slot: 'farsta-1' }]);
  });

  it('counts a pair given twice once, at its lower cost', () => {
    const result = solveAllocation(
      one({
        edges: [
          { student: 'anna', slot: 'farsta-1', cost: 5 },
          { student: 'anna', slot: 'farsta-1', cost: 2 },
          { student: 'anna', slot: 'farsta-1', cost: 8 },
        ],
      }),
    );
    expect(result).toEqual({ assignments: [{ student: 'anna', slot: 'farsta-1' }], placed: 1, totalCost: 2 });
  });

  it('lists assignments by student id whatever the input order', () => {
    const students = ['s10', 's2', 's1', 'a'];
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 10 }],
      students: students.map((id) => ({ id, group: 'su' })),
      slots: [{ id: 'farsta-1', capacity: 4 }],
      edges: students.map((student) => ({ student, slot: 'farsta-1', cost: 0 })),
    });
    expect(result.assignments.map((a) => a.student)).toEqual(['a', 's1', 's10', 's2']);
  });

  it('stays exact with large costs', () => {
    const big = 2 ** 40;
    const result = solveAllocation({
      groups: [{ id: 'su', quota: 10 }],
      students: ['anna', 'bo'].map((id) => ({ id, group: 'su' })),
      slots: ['farsta-1', 'kista-1'].map((id) => ({ id, capacity: 1 })),
      edges: [
        { student: 'anna', slot: 'farsta-1', cost: big },
        { student: 'anna', slot: 'kista-1', cost: big + 1 },
        { student: 'bo', slot: 'farsta-1', cost: big + 3 },
        { student: 'bo', slot: 'kista-1', cost: big + 5 },
      ],
    });
    // anna→kista + bo→farsta = 2·big + 4 beats anna→farsta + bo→kista = 2·big + 5.
    expect(result.totalCost).toBe(2 * big + 4);
  });

  it('moves a whole chain of 20,000 students along to make room for one more', () => {
    // Everyone first gets their free slot; the extra student only fits if each of the others
    // shifts one slot along, one augmenting path through all of them (no recursion limit).
    const n = 20_000;
    const students = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, group: 'su' }));
    const edges = students.flatMap((student, i) => [
      { student: student.id, slot: `t${i}`, cost: 0 },
      { student: student.id, slot: `t${i + 1}`, cost: 1 },
    ]);
    const result = solveAllocation({
      groups: [{ id: 'su', quota: n + 1 }],
      students: [...students, { id: 'extra', group: 'su' }],
      slots: Array.from({ length: n + 1 }, (_, i) => ({ id: `t${i}`, capacity: 1 })),
      edges: [...edges, { student: 'extra', slot: 't0', cost: 0 }],
    });
    expect(result.placed).toBe(n + 1);
    expect(result.totalCost).toBe(n);
  });

  describe('rejects an invalid instance with a message naming the problem', () => {
    const cases: [string, AllocationInstance, RegExp][] = [
      [
        'a duplicate university',
        one({
          groups: [
            { id: 'su', quota: 1 },
            { id: 'su', quota: 2 },
          ],
        }),
        /duplicate group id "su"/,
      ],
      [
        'a duplicate student',
        one({
          students: [
            { id: 'anna', group: 'su' },
            { id: 'anna', group: 'su' },
          ],
        }),
        /duplicate student id "anna"/,
      ],
      [
        'a duplicate slot',
        one({
          slots: [
            { id: 'farsta-1', capacity: 1 },
            { id: 'farsta-1', capacity: 1 },
          ],
        }),
        /duplicate slot id "farsta-1"/,
      ],
      [
        'a student of an unknown university',
        one({ students: [{ id: 'anna', group: 'kth' }] }),
        /student "anna" belongs to unknown group "kth"/,
      ],
      [
        'a pair with an unknown student',
        one({ edges: [{ student: 'bo', slot: 'farsta-1', cost: 0 }] }),
        /edge 0 refers to unknown student "bo"/,
      ],
      [
        'a pair with an unknown slot',
        one({ edges: [{ student: 'anna', slot: 'kista-9', cost: 0 }] }),
        /edge 0 refers to unknown slot "kista-9"/,
      ],
      [
        'a negative cost',
        one({ edges: [{ student: 'anna', slot: 'farsta-1', cost: -1 }] }),
        /cost of edge 0 .* must be an integer >= 0, got -1/,
      ],
      [
        'a fractional cost',
        one({ edges: [{ student: 'anna', slot: 'farsta-1', cost: 1.5 }] }),
        /cost of edge 0 .* must be an integer >= 0, got 1.5/,
      ],
      [
        'a cost that is not a number',
        one({ edges: [{ student: 'anna', slot: 'farsta-1', cost: NaN }] }),
        /must be an integer >= 0, got NaN/,
      ],
      [
        'a negative capacity',
        one({ slots: [{ id: 'farsta-1', capacity: -2 }] }),
        /capacity of slot "farsta-1" must be an integer >= 0/,
      ],
      [
        'a fractional capacity',
        one({ slots: [{ id: 'farsta-1', capacity: 0.5 }] }),
        /capacity of slot "farsta-1" must be an integer >= 0/,
      ],
      ['a negative quota', one({ groups: [{ id: 'su', quota: -1 }] }), /quota of group "su" must be an integer >= 0/],
      [
        'an infinite quota',
        one({ groups: [{ id: 'su', quota: Infinity }] }),
        /quota of group "su" must be an integer >= 0/,
      ],
      [
        'costs too large to add up exactly',
        one({ edges: [{ student: 'anna', slot: 'farsta-1', cost: Number.MAX_SAFE_INTEGER }] }),
        /too large to solve exactly/,
      ],
    ];
    it.each(cases)('%s', (_, instance, message) => {
      expect(() => solveAllocation(instance)).toThrow(message);
    });
  });
});
