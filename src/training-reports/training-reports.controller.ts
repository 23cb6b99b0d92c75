import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { PutTrainingReportDto, TrainingReportQueryDto, TrainingReportResponse } from './dto/training-report.dto';
import { TrainingReportsService } from './training-reports.service';

/** Universities' yearly supervisor-training figures, reported back to the city. */
@ApiTags('training-reports')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.UniversityCoordinator)
@ApiRefusals({ 403: 'Not the coordinator or a university coordinator, or another university than your own' })
@Controller('training-reports')
export class TrainingReportsController {
  constructor(private readonly reports: TrainingReportsService) {}

  /** The reported figures by year (a university coordinator: their own university's). */
  @Get()
  @ApiRefusals(400)
  async list(@CurrentActor() actor: Actor, @Query() query: TrainingReportQueryDto): Promise<TrainingReportResponse[]> {
    return (await this.reports.list(actor, query)).map(TrainingReportResponse.of);
  }

  /** Reports (or corrects) a university's figures for a year. */
  @Put()
  async put(@CurrentActor() actor: Actor, @Body() dto: PutTrainingReportDto): Promise<TrainingReportResponse> {
    return TrainingReportResponse.of(await this.reports.put(actor, dto));
  }
}
