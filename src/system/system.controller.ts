import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { HeartbeatResponse } from './dto/heartbeat.response';
import { HeartbeatsService } from './heartbeats.service';

/** Operational checks for the coordinator: does a job reach a worker and come back? */
@ApiTags('system')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller('system/heartbeats')
export class SystemController {
  constructor(private readonly heartbeats: HeartbeatsService) {}

  /** Queues a no-op job; poll GET /system/heartbeats/{id} until its status is `done`. */
  @Post()
  @HttpCode(202)
  async request(@CurrentActor() actor: Actor): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.heartbeats.request(actor));
  }

  /** The heartbeat: `queued`, or `done` with when and by which worker it ran. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@IdParam() id: string): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.heartbeats.get(id));
  }
}
