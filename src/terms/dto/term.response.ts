import { TermPeriod } from '../entities/term-period.entity';
import { Term } from '../entities/term.entity';
import { TermStatus } from '../term-status';

export class TermPeriodResponse {
  universityId: string;
  startsOn: string;
  endsOn: string;
}

export class TermResponse {
  id: string;
  code: string;
  targetPlaces: number;
  reportingDeadline: string;
  status: TermStatus;
  periods: TermPeriodResponse[];

  static of(term: Term, periods: TermPeriod[]): TermResponse {
    return {
      id: term.id,
      code: term.code,
      targetPlaces: term.targetPlaces,
      reportingDeadline: term.reportingDeadline,
      status: term.status,
      periods: periods
        .map((p) => ({ universityId: p.universityId, startsOn: p.startsOn, endsOn: p.endsOn }))
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.universityId.localeCompare(b.universityId)),
    };
  }
}
