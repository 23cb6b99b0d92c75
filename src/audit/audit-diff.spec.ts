import { diffFields } from './audit-diff';

describe('diffFields', () => {
  it('records every set field of a created entity', () => {
    expect(diffFields(null, { name: 'Bromma', active: true })).toEqual({
      name: { to: 'Bromma' },
      active: { to: true },
    });
  });

  it('records only the fields that changed, with old and new value', () => {
    expect(diffFields({ name: 'A', active: true }, { name: 'B', active: true })).toEqual({
      name: { from: 'A', to: 'B' },
    });
  });

  it('hides the values of secret fields but says they changed', () => {
    expect(diffFields({ passwordHash: 'old' }, { passwordHash: 'new' }, ['passwordHash'])).toEqual({
      passwordHash: { from: '[redacted]', to: '[redacted]' },
    });
  });

  it('ignores fields left undefined and compares dates by value', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(diffFields({ at, name: 'x' }, { at: new Date(at.getTime()), name: undefined })).toEqual({});
  });
});
