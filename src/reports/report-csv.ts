import { CellValue } from '../common/export/cell-text';
import { writeCsv } from '../common/export/csv';
import { TermReportResponse, TrendRowResponse } from './dto/report.response';

interface ReportCsvRow {
  section: string;
  item: string;
  measure: string;
  value: CellValue;
}

/**
 * The term report as one long table (section, item, measure, value), which a spreadsheet can
 * pivot. Values keep their type, so a negative number (a district that reported after the
 * deadline) stays a number.
 */
export function termReportCsv(report: TermReportResponse): string {
  const rows: ReportCsvRow[] = [];
  const add = (section: string, item: string, values: Record<string, CellValue>) => {
    for (const [measure, value] of Object.entries(values)) rows.push({ section, item, measure, value });
  };
  add('term', report.termCode, {
    status: report.status,
    reportingDeadline: report.reportingDeadline,
    targetPlaces: report.targetPlaces,
    offeredPlaces: report.offeredPlaces,
    usablePlaces: report.usablePlaces,
    filled: report.filled,
    draftPlacements: report.draftPlacements,
    shortfall: report.shortfall,
    supervisorsTrainedShare: report.supervisorTraining.trainedShare,
  });
  for (const d of report.districts) {
    add('district', d.name, {
      offeredPlaces: d.offeredPlaces,
      usablePlaces: d.usablePlaces,
      filled: d.filled,
      reporting: d.reporting,
      firstReportedAt: d.firstReportedAt,
      daysBeforeDeadline: d.daysBeforeDeadline,
      attendedWorkshop: d.attendedWorkshop,
    });
  }
  for (const f of report.fields)
    add('field', f.field, { offeredPlaces: f.offeredPlaces, usablePlaces: f.usablePlaces, filled: f.filled });
  for (const u of report.universities)
    add('university', u.code, { requestedPlaces: u.requestedPlaces, quota: u.quota, filled: u.filled });
  for (const [section, event] of [
    ['introduction', report.introduction],
    ['workshop', report.workshop],
  ] as const) {
    if (event)
      add(section, event.title, { invited: event.invited, recorded: event.recorded, attended: event.attended });
  }
  return writeCsv(rows, ['section', 'item', 'measure', 'value']);
}

const TREND_COLUMNS: (keyof TrendRowResponse)[] = [
  'termCode',
  'status',
  'targetPlaces',
  'offeredPlaces',
  'usablePlaces',
  'filled',
  'shortfall',
  'districtsReported',
  'districtsOnTime',
  'trainedShare',
  'introductionAttendance',
];

export function trendCsv(rows: TrendRowResponse[]): string {
  return writeCsv(rows, TREND_COLUMNS);
}
