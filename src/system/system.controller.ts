import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { HeartbeatResponse } from './dto/heartbeat.response';
import { HeartbeatsService } from './heartbeats.service';

/** Operational checks for the coordinator: does a job reach a worker and come back? */
@ApiTags('system')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('system/heartbeats')
export class SystemController {
  constructor(private readonly heartbeats: HeartbeatsService) {}

  /** Queues a no-op job; poll GET /system/heartbeats/{id} until its status is `done`. */
  @Post()
  @HttpCode(202)
  async request(@CurrentActor() actor: Actor): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.heartbeats.request(actor));
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<HeartbeatResponse> {
    return HeartbeatResponse.of(await this.heartbeats.get(id));
  }
}
