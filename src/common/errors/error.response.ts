import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad input of a refusal: the field (dot path) and, in an imported file, the row. */
export class ErrorDetailResponse {
  @ApiProperty({ example: 'periods.0.startsOn', description: 'The field concerned, as a dot path' })
  field: string;

  @ApiProperty({ example: 'startsOn must be a date written YYYY-MM-DD' })
  message: string;

  @ApiProperty({ example: 'isCalendarDate', description: 'The catalogue row of the problem' })
  code: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the message was built from' })
  params: Record<string, unknown>;

  @ApiPropertyOptional({ example: 3, description: 'The row of an imported file (the header is row 1)' })
  row?: number;
}

/**
 * The one shape of every refusal the API gives (4xx): a row of the error catalogue with the
 * params its message was built from, and the field problems where there are some.
 */
export class ErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode: number;

  @ApiProperty({ example: 'Conflict', description: 'The HTTP status text' })
  error: string;

  @ApiProperty({ example: 'A term with the code HT2026 already exists' })
  message: string;

  @ApiProperty({ example: 'term_code_taken', description: 'The catalogue code: stable, for programs to act on' })
  code: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { termCode: 'HT2026' } })
  params: Record<string, unknown>;

  @ApiPropertyOptional({
    type: [ErrorDetailResponse],
    description: 'The problems by field (400, and 409 on import rows)',
  })
  details?: ErrorDetailResponse[];
}
