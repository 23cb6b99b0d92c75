export enum NotificationStatus {
  /** Waiting for its first delivery or for a retry. */
  Pending = 'pending',
  /** A worker is handing it to the mail server. */
  Sending = 'sending',
  Sent = 'sent',
  /** Gave up: the mail server refused it permanently, or every attempt failed. */
  Failed = 'failed',
  /**
   * A send was cut off after the message may have reached the mail server (the worker died).
   * It is not re-sent on its own, so nobody gets it twice; the coordinator may retry it.
   */
  Unconfirmed = 'unconfirmed',
}
