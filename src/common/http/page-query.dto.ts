import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?limit=&offset=` of a list; extended by each list's own filters. */
export class PageQueryDto {
  /** Rows on the page (1–500); without it the list answers as it always did. The matching total is in `X-Total-Count`. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  /** Rows to skip before the page. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
