import { toFieldProblems } from './validation';

describe('toFieldProblems', () => {
  it('names nested fields by their dot path, one entry per field', () => {
    expect(
      toFieldProblems([
        { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
        {
          property: 'periods',
          children: [{ property: '0', children: [{ property: 'startsOn', constraints: { a: 'bad date', b: 'required' }, children: [] }] }],
        },
      ]),
    ).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'periods.0.startsOn', message: 'bad date; required' },
    ]);
  });
});
