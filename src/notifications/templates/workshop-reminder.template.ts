import { defineTemplate } from './mail-template';

export interface WorkshopReminderData {
  name: string;
  year: string;
}

/** On 1 May, to the coordinators, when no workshop is planned for the year. */
export const workshopReminder = defineTemplate<WorkshopReminderData>({
  name: 'workshop-reminder',
  content: (data, context) => ({
    subject: `Dags att planera VFU-workshopen ${data.year}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Enligt avsiktsförklaringen hålls en gemensam workshop varje år inför höstterminsstart, med kontaktpersonerna och lärosätenas VFU-samordnare. Ingen workshop är planerad för ${data.year} ännu.`,
      { link: { label: 'Planera workshopen', url: `${context.publicUrl}/` } },
    ],
  }),
});
