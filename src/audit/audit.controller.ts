import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { Role } from '../common/auth/role';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntry } from './entities/audit-entry.entity';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Newest first: who changed what, and which fields. */
  @Get()
  list(@Query() query: AuditQueryDto): Promise<AuditEntry[]> {
    return this.audit.list(query);
  }
}
