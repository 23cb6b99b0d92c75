import { defineTemplate } from './mail-template';

export interface EventReminderData {
  name: string;
  title: string;
  when: string;
  location: string;
}

/** The day before an event, to everyone invited. */
export const eventReminder = defineTemplate<EventReminderData>({
  name: 'event-reminder',
  content: (data) => ({
    subject: `Påminnelse: ${data.title} i morgon`,
    greeting: `Hej ${data.name}!`,
    blocks: [`Välkommen till "${data.title}" i morgon.`, { list: [`När: ${data.when}`, `Var: ${data.location}`] }],
  }),
});
