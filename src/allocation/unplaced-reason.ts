/** Why an allocation run left a student without a place. */
export enum UnplacedReason {
  /** No offer in any of the student's fields outside their excluded districts. */
  NoAcceptableOffer = 'no_acceptable_offer',
  /** The student's university had filled its quota. */
  QuotaReached = 'quota_reached',
  /** Every acceptable offer was full. */
  CapacityExhausted = 'capacity_exhausted',
}
