import { IsIn, IsOptional } from 'class-validator';

/** `?format=csv` for a spreadsheet of the same rows; JSON otherwise. */
export class FormatQueryDto {
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
