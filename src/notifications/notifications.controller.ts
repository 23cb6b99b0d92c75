import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationResponse } from './dto/notification.response';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /**
   * The outbox, newest first. `status`: pending, sending, sent, failed, or unconfirmed (a send
   * was cut off and may have been delivered; it is not re-sent unless retried).
   */
  @Get()
  list(@Query() query: NotificationQueryDto): Promise<NotificationResponse[]> {
    return this.notifications.list(query);
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<NotificationResponse> {
    return this.notifications.get(id);
  }

  /** Queues a failed or unconfirmed e-mail again (same Message-ID, fresh attempts). */
  @Post(':id/retry')
  @HttpCode(202)
  @ApiConflictResponse({ description: 'The notification is not failed or unconfirmed' })
  retry(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationResponse> {
    return this.notifications.retry(actor, id);
  }
}
