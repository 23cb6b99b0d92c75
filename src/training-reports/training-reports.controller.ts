import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { PutTrainingReportDto, TrainingReportQueryDto, TrainingReportResponse } from './dto/training-report.dto';
import { TrainingReportsService } from './training-reports.service';

/** Universities' yearly supervisor-training figures, reported back to the city. */
@ApiTags('training-reports')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.UniversityCoordinator)
@ApiForbiddenResponse({ description: 'Another university than your own' })
@Controller('training-reports')
export class TrainingReportsController {
  constructor(private readonly reports: TrainingReportsService) {}

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: TrainingReportQueryDto): Promise<TrainingReportResponse[]> {
    return (await this.reports.list(actor, query)).map(TrainingReportResponse.of);
  }

  /** Reports (or corrects) a university's figures for a year. */
  @Put()
  async put(@CurrentActor() actor: Actor, @Body() dto: PutTrainingReportDto): Promise<TrainingReportResponse> {
    return TrainingReportResponse.of(await this.reports.put(actor, dto));
  }
}
