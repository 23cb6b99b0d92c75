export enum StudentRequestStatus {
  /** Logged by the district and sent on to the universities at once. */
  Forwarded = 'forwarded',
  Answered = 'answered',
  Closed = 'closed',
}
