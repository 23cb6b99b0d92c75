import { ApiProperty } from '@nestjs/swagger';

export class CalendarUrlResponse {
  /**
   * Subscribe to it in a calendar program; keep it secret, it needs no sign-in. Null means an
   * address made before this version: rotate to see a new one; the old keeps working until then.
   */
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://vfu.example.se/api/calendar/gwZQAFJyY92eRilLT3RHKd4BX80nmGe0jjc3Qmm43MA.ics',
    description:
      'Subscribe to it in a calendar program; keep it secret, it needs no sign-in. Null means an address made ' +
      'before this version: rotate to see a new one; the old keeps working until then.',
  })
  url: string | null;

  /** When this address was made. */
  @ApiProperty({ type: String, format: 'date-time', description: 'When this address was made.' })
  createdAt: Date;
}
