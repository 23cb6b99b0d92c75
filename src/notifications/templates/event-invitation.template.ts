import { defineTemplate } from './mail-template';

export interface EventInvitationData {
  name: string;
  /** e.g. "Gemensamt introduktionstillfälle". */
  kind: string;
  title: string;
  when: string;
  location: string;
  description: string | null;
  /** true when the event changed since an earlier invitation. */
  update: boolean;
  /** The invitation as an iCalendar REQUEST, made when the e-mail was written. */
  ics: string;
}

/** An invitation with a calendar attachment; sent again with a raised SEQUENCE when the event changes. */
export const eventInvitation = defineTemplate<EventInvitationData>({
  name: 'event-invitation',
  content: (data) => ({
    subject: `${data.update ? 'Ändrad tid eller plats: ' : 'Inbjudan: '}${data.title}, ${data.when}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      data.update
        ? `${data.kind} "${data.title}" har ändrats. Så här gäller nu:`
        : `Du är inbjuden till ${data.kind.toLocaleLowerCase('sv')} "${data.title}".`,
      { list: [`När: ${data.when}`, `Var: ${data.location}`] },
      ...(data.description ? [data.description] : []),
      'Inbjudan finns som kalenderfil i meddelandet och kan läggas in i din kalender.',
    ],
  }),
  calendar: (data) => ({ method: 'REQUEST', filename: 'inbjudan.ics', content: data.ics }),
});
