import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../common/auth/decorators';
import { Role } from '../common/auth/role';
import { FormatQueryDto } from '../common/http/format-query.dto';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { TermReportResponse, TrendRowResponse } from './dto/report.response';
import { termReportCsv, trendCsv } from './report-csv';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * The term's follow-up: target, offered, usable and filled places per district, field and
   * university; the supervisor-training share; which districts reported and when against the
   * deadline; attendance at the introduction and the year's workshop. `?format=csv` as a table.
   */
  @Get('terms/:code/report')
  @ApiProduces('application/json', 'text/csv')
  @ApiRefusals(400, 404)
  async term(
    @Param('code') code: string,
    @Query() query: FormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TermReportResponse | string> {
    const report = await this.reports.termReport(code);
    if (query.format !== 'csv') return report;
    response.type('text/csv; charset=utf-8').attachment(`uppfoljning-${code}.csv`);
    return termReportCsv(report);
  }

  /** Every term side by side, oldest first. */
  @Get('reports/trend')
  @ApiProduces('application/json', 'text/csv')
  @ApiRefusals(400)
  async trend(
    @Query() query: FormatQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TrendRowResponse[] | string> {
    const rows = await this.reports.trend();
    if (query.format !== 'csv') return rows;
    response.type('text/csv; charset=utf-8').attachment('uppfoljning-terminer.csv');
    return trendCsv(rows);
  }
}
