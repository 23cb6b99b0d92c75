import { Field } from '../../fields/fields';
import { TrainingStatus } from '../../supervisors/training-status';
import { PlacementOffer } from '../entities/placement-offer.entity';
import { OfferWarning, offerWarnings } from '../offer-warnings';
import { effectiveCapacity, usablePlaces } from '../supervisor-coverage';

export class OfferSupervisorResponse {
  id: string;
  name: string;
  trainingStatus: TrainingStatus;
  capacity: number;
  active: boolean;
}

export class OfferResponse {
  id: string;
  termId: string;
  districtId: string;
  unitName: string;
  field: Field;
  places: number;
  /** min(places, the named supervisors' capacity): what allocation may fill. */
  usablePlaces: number;
  supervisorIds: string[];
  supervisors: OfferSupervisorResponse[];
  /** Things to look at, e.g. supervisors who do not cover the places; the offer is saved. */
  warnings: OfferWarning[];
  createdAt: Date;
  updatedAt: Date;

  static of(offer: PlacementOffer): OfferResponse {
    const supervisors = [...(offer.supervisors ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const usable = usablePlaces(offer.places, supervisors.map(effectiveCapacity));
    return {
      id: offer.id,
      termId: offer.termId,
      districtId: offer.districtId,
      unitName: offer.unitName,
      field: offer.field,
      places: offer.places,
      usablePlaces: usable,
      supervisorIds: supervisors.map((s) => s.id),
      supervisors: supervisors.map((s) => ({
        id: s.id,
        name: s.name,
        trainingStatus: s.trainingStatus,
        capacity: s.capacity,
        active: s.active,
      })),
      warnings: offerWarnings(offer.places, usable, supervisors),
      createdAt: offer.createdAt,
      updatedAt: offer.updatedAt,
    };
  }
}
