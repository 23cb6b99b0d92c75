/** The kinds of events the letter of intent names. */
export enum EventType {
  /** Gemensamt introduktionstillfälle: one per term, at the start of the VFU period. */
  Introduction = 'introduction',
  /** Gemensam workshop inför höstterminsstart: one per year, before the autumn term starts. */
  Workshop = 'workshop',
  /** Nätverksmöte for the districts' contact persons; universities optionally invited. */
  NetworkMeeting = 'network_meeting',
  /** Riktad föreläsning: a university's lecture for district staff. */
  Lecture = 'lecture',
}

export const EVENT_TYPE_SV: Record<EventType, string> = {
  [EventType.Introduction]: 'Gemensamt introduktionstillfälle',
  [EventType.Workshop]: 'Gemensam workshop inför höstterminsstart',
  [EventType.NetworkMeeting]: 'Nätverksmöte',
  [EventType.Lecture]: 'Föreläsning',
};
