import { Field, FIELDS } from '../fields/fields';
import { effectiveCapacity, usablePlaces } from '../offers/supervisor-coverage';
import { TrainingStatus } from '../supervisors/training-status';
import { BalanceResponse, DistrictBalanceResponse } from './dto/balance.response';
import { splitQuotas } from './quota-split';

export interface BalanceInput {
  targetPlaces: number;
  districts: { id: string; name: string; active: boolean }[];
  offers: {
    districtId: string;
    field: Field;
    places: number;
    createdAt: Date;
    supervisors: { id: string; capacity: number; active: boolean; trainingStatus: TrainingStatus }[];
  }[];
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
  const offers = input.offers.map((offer) => ({
    ...offer,
    usable: usablePlaces(offer.places, offer.supervisors.map(effectiveCapacity)),
  }));
  const sum = (list: typeof offers, key: 'places' | 'usable') => list.reduce((total, offer) => total + offer[key], 0);

  const offeredPlaces = sum(offers, 'places');
  const usable = sum(offers, 'usable');
  const fillablePlaces = Math.min(input.targetPlaces, usable);

  const districts = input.districts
    .filter((d) => d.active || offers.some((o) => o.districtId === d.id))
    .map((district): DistrictBalanceResponse => {
      const own = offers.filter((o) => o.districtId === district.id);
      const first = own.reduce<Date | null>(
        (earliest, o) => (!earliest || o.createdAt < earliest ? o.createdAt : earliest),
        null,
      );
      return {
        districtId: district.id,
        name: district.name,
        reported: own.length > 0,
        offeredPlaces: sum(own, 'places'),
        usablePlaces: sum(own, 'usable'),
        firstReportedAt: first,
      };
    });

  const fields = FIELDS.map(({ code }) => {
    const own = offers.filter((o) => o.field === code);
    return { field: code, offeredPlaces: sum(own, 'places'), usablePlaces: sum(own, 'usable') };
  });

  const quotas = splitQuotas(
    fillablePlaces,
    input.universities.map((u) => ({ demand: u.requestedPlaces ?? 0, override: u.override })),
  );
  const universities = input.universities.map((u, index) => ({
    universityId: u.id,
    code: u.code,
    requestedPlaces: u.requestedPlaces ?? 0,
    quota: quotas[index],
    quotaOverridden: u.override != null,
    assigned: u.assigned,
  }));

  const supervisors = new Map(offers.flatMap((o) => o.supervisors).map((s) => [s.id, s.trainingStatus]));
  const count = (status: TrainingStatus) => [...supervisors.values()].filter((s) => s === status).length;
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
      supervisors: supervisors.size,
      completed,
      inProgress,
      none: count(TrainingStatus.None),
      trainedShare: supervisors.size ? (completed + inProgress) / supervisors.size : null,
    },
  };
}
