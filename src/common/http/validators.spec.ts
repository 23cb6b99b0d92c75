import { IsInt, IsOptional, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { IsOptionalNotNull } from './validators';

class Change {
  @IsOptionalNotNull()
  @IsInt()
  capacity?: number;

  @IsOptional()
  @IsInt()
  contact?: number | null;
}

const refused = (body: object) => validateSync(plainToInstance(Change, body)).map((e) => e.property);

describe('IsOptionalNotNull', () => {
  it('lets a field be left out, validates a value, and refuses null where @IsOptional() lets it through', () => {
    expect(refused({})).toEqual([]);
    expect(refused({ capacity: 2 })).toEqual([]);
    expect(refused({ capacity: 'x' })).toEqual(['capacity']);
    expect(refused({ capacity: null })).toEqual(['capacity']);
    expect(refused({ contact: null })).toEqual([]);
  });
});
