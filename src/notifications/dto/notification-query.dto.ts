import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { NotificationStatus } from '../notification-status';

export class NotificationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(NotificationStatus)
  status?: NotificationStatus;
}
