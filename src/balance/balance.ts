import { Field, FIELDS } from '../fields/fields';
import { TrainingStatus } from '../supervisors/training-status';
import { BalanceResponse, DistrictBalanceResponse } from './dto/balance.response';
import { splitQuotas } from './quota-split';

export interface BalanceInput {
  targetPlaces: number;
  districts: { id: string; name: string; active: boolean }[];
  /** The term's offers added up per district and field (`offerTotalsOfTerm`). */
  offerTotals: {
    districtId: string;
    field: Field;
    offeredPlaces: number;
    usablePlaces: number;
    firstCreatedAt: Date;
  }[];
  /** The supervisors named on the term's offers, each once, counted per training status. */
  supervisorTraining: { trainingStatus: TrainingStatus; count: number }[];
  /** In a fixed order (by code): quota ties are broken by it. */
  universities: {
    id: string;
    code: string;
    requestedPlaces: number | null;
    override: number | null;
    assigned: number;
  }[];
}

/** The term's balance against its target (DESIGN.md §4): per district, field and university. */
export function computeBalance(input: BalanceInput): BalanceResponse {
  const totals = input.offerTotals;
  const sum = (list: typeof totals, key: 'offeredPlaces' | 'usablePlaces') =>
    list.reduce((total, group) => total + group[key], 0);

  const offeredPlaces = sum(totals, 'offeredPlaces');
  const usable = sum(totals, 'usablePlaces');
  const fillablePlaces = Math.min(input.targetPlaces, usable);

  const districts = input.districts
    .filter((d) => d.active || totals.some((o) => o.districtId === d.id))
    .map((district): DistrictBalanceResponse => {
      const own = totals.filter((o) => o.districtId === district.id);
      const first = own.reduce<Date | null>(
        (earliest, o) => (!earliest || o.firstCreatedAt < earliest ? o.firstCreatedAt : earliest),
        null,
      );
      return {
        districtId: district.id,
        name: district.name,
        reported: own.length > 0,
        offeredPlaces: sum(own, 'offeredPlaces'),
        usablePlaces: sum(own, 'usablePlaces'),
        firstReportedAt: first,
      };
    });

  const fields = FIELDS.map(({ code }) => {
    const own = totals.filter((o) => o.field === code);
    return { field: code, offeredPlaces: sum(own, 'offeredPlaces'), usablePlaces: sum(own, 'usablePlaces') };
  });

  const quotas = universityQuotas(fillablePlaces, input.universities);
  const universities = input.universities.map((u, index) => ({
    universityId: u.id,
    code: u.code,
    requestedPlaces: u.requestedPlaces ?? 0,
    quota: quotas[index],
    quotaOverridden: u.override != null,
    assigned: u.assigned,
  }));

  const count = (status: TrainingStatus) =>
    input.supervisorTraining.find((s) => s.trainingStatus === status)?.count ?? 0;
  const supervisors = input.supervisorTraining.reduce((total, s) => total + s.count, 0);
  const completed = count(TrainingStatus.Completed);
  const inProgress = count(TrainingStatus.InProgress);
  return {
    targetPlaces: input.targetPlaces,
    offeredPlaces,
    usablePlaces: usable,
    fillablePlaces,
    shortfall: Math.max(0, input.targetPlaces - usable),
    districts,
    fields,
    universities,
    supervisorTraining: {
      supervisors,
      completed,
      inProgress,
      none: count(TrainingStatus.None),
      trainedShare: supervisors ? (completed + inProgress) / supervisors : null,
    },
  };
}

/**
 * Each university's quota, in the order given (by code: ties are broken by it): the fillable
 * places, min(target, usable), split by demand, overridden quotas kept.
 */
export function universityQuotas(
  fillablePlaces: number,
  universities: readonly { requestedPlaces: number | null; override: number | null }[],
): number[] {
  return splitQuotas(
    fillablePlaces,
    universities.map((u) => ({ demand: u.requestedPlaces ?? 0, override: u.override })),
  );
}
