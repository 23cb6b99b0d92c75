import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/auth/decorators';
import { Role } from '../common/auth/role';
import { withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntry } from './entities/audit-entry.entity';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first: who changed what, and which fields. */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(@Query() query: AuditQueryDto, @Res({ passthrough: true }) response: Response): Promise<AuditEntry[]> {
    return withTotalCount(response, await this.audit.list(query));
  }
}
