import { defineTemplate } from './mail-template';

export interface EventCancelledData {
  name: string;
  title: string;
  when: string;
  /** true when only this person is no longer invited, the event itself goes ahead. */
  uninvited: boolean;
  /** The cancellation as an iCalendar CANCEL, so calendars remove the event. */
  ics: string;
}

export const eventCancelled = defineTemplate<EventCancelledData>({
  name: 'event-cancelled',
  content: (data) => ({
    subject: `Inställt: ${data.title}, ${data.when}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      data.uninvited
        ? `Du är inte längre inbjuden till "${data.title}" ${data.when}, till exempel efter en ändrad placering.`
        : `"${data.title}" ${data.when} är inställt.`,
      'Kalenderfilen i meddelandet tar bort händelsen ur din kalender.',
    ],
  }),
  calendar: (data) => ({ method: 'CANCEL', filename: 'installt.ics', content: data.ics }),
});
