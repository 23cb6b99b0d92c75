import { Type } from 'class-transformer';
import { ArrayMinSize, IsEmail, IsInt, Matches, Max, Min, MinLength, ValidateNested, validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { CommonErrors } from './common.errors';
import { toFieldProblems, withCode } from './validation';

class Period {
  @MinLength(4)
  startsOn: string;
}

class Form {
  @IsEmail()
  email: string;

  @IsInt()
  @Min(1)
  @Max(20)
  places: number;

  @Matches(/^x/, withCode(CommonErrors.forbidden))
  code: string;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => Period)
  periods: Period[];
}

describe('toFieldProblems', () => {
  it('names nested fields by their dot path, one entry per field, worded from the catalogue with the constraint arguments', async () => {
    const form = plainToInstance(Form, { email: 'nope', places: 30, code: 'y', periods: [{ startsOn: '1' }] });
    const problems = toFieldProblems(await validate(form));
    expect(problems).toEqual([
      {
        field: 'email',
        code: 'isEmail',
        params: { property: 'email' },
        message: 'email must be an email',
        sv: 'Ange en giltig e-postadress.',
      },
      {
        field: 'places',
        code: 'max',
        params: { property: 'places', max: 20 },
        message: 'places must not be greater than 20',
        sv: 'Ange högst 20.',
      },
      {
        field: 'code',
        code: 'forbidden',
        params: { property: 'code' },
        message: 'You do not have access to this resource',
        sv: 'Du har inte behörighet till det.',
      },
      {
        field: 'periods.0.startsOn',
        code: 'minLength',
        params: { property: 'startsOn', min: 4 },
        message: 'startsOn must be longer than or equal to 4 characters',
        sv: 'Skriv minst 4 tecken.',
      },
    ]);
  });
});
