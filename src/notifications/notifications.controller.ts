import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * The outbox, newest first. `status`: pending, sending, sent, failed, or unconfirmed (a send
   * was cut off and may have been delivered; it is not re-sent unless retried).
   */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(
    @Query() query: NotificationQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationResponse[]> {
    return withTotalCount(response, await this.notifications.list(query));
  }

  /** One e-mail of the outbox: its recipient, template, status and attempts. */
  @Get(':id')
  @ApiRefusals(400, 404)
  get(@IdParam() id: string): Promise<NotificationResponse> {
    return this.notifications.get(id);
  }

  /** Queues a failed or unconfirmed e-mail again (same Message-ID, fresh attempts). */
  @Post(':id/retry')
  @HttpCode(202)
  @ApiRefusals(400, 404, { 409: 'The notification is not failed or unconfirmed' })
  retry(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationResponse> {
    return this.notifications.retry(actor, id);
  }
}
