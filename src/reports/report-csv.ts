import { stringify } from 'csv-stringify/sync';
import { TermReportResponse, TrendRowResponse } from './dto/report.response';

/**
 * The term report as one long table (section, item, measure, value), which a spreadsheet can
 * pivot; with a BOM so the Swedish letters survive.
 */
export function termReportCsv(report: TermReportResponse): string {
  const rows: (string | number | null)[][] = [];
  const add = (section: string, item: string, values: Record<string, string | number | boolean | null | Date>) => {
    for (const [measure, value] of Object.entries(values))
      rows.push([
        section,
        item,
        measure,
        value instanceof Date ? value.toISOString() : value === null ? '' : String(value),
      ]);
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
  return '\uFEFF' + stringify(rows, { header: true, columns: ['section', 'item', 'measure', 'value'] });
}

export function trendCsv(rows: TrendRowResponse[]): string {
  return '\uFEFF' + stringify(rows, { header: true });
}
