import { TrainingStatus } from '../supervisors/training-status';

export enum OfferWarningCode {
  SupervisorsShort = 'supervisors_short',
  SupervisorInactive = 'supervisor_inactive',
  SupervisorUntrained = 'supervisor_untrained',
}

/** Saved, but worth a look: each with a code a client can translate and an English message. */
export interface OfferWarning {
  code: OfferWarningCode;
  message: string;
  supervisorId?: string;
}

interface NamedSupervisor {
  id: string;
  name: string;
  trainingStatus: TrainingStatus;
  active: boolean;
}

export function offerWarnings(places: number, usable: number, supervisors: readonly NamedSupervisor[]): OfferWarning[] {
  const warnings: OfferWarning[] = [];
  if (usable < places) {
    warnings.push({
      code: OfferWarningCode.SupervisorsShort,
      message: `The named supervisors can take ${usable} student(s): ${usable} of the ${places} places are usable. Name more supervisors to use them all.`,
    });
  }
  for (const s of supervisors) {
    if (!s.active)
      warnings.push({
        code: OfferWarningCode.SupervisorInactive,
        supervisorId: s.id,
        message: `${s.name} is no longer active as a supervisor`,
      });
    else if (s.trainingStatus === TrainingStatus.None) {
      warnings.push({
        code: OfferWarningCode.SupervisorUntrained,
        supervisorId: s.id,
        message: `${s.name} has not taken supervisor training`,
      });
    }
  }
  return warnings;
}
