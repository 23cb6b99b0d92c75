import { ApiExtension } from '@nestjs/swagger';
import { PAGED_OPERATION } from './openapi-document';

/**
 * Marks a list that pages with `limit` and `offset` (its query DTO extends `PageQueryDto`): the
 * document gives its 200 the `X-Total-Count` header, which the route sets with `withTotalCount`.
 */
export const ApiPaged = () => ApiExtension(PAGED_OPERATION, true);
