import { defineTemplate } from './mail-template';

export interface ReportingReminderData {
  name: string;
  districtName: string;
  termCode: string;
  deadline: string;
  daysLeft: number;
}

const WHEN: Record<number, string> = { 0: 'i dag', 1: 'i morgon' };

/** To the contact person of a district that has not yet reported any place for the term. */
export const reportingReminder = defineTemplate<ReportingReminderData>({
  name: 'reporting-reminder',
  content: (data, context) => ({
    subject: `Påminnelse: rapportera VFU-platser för ${data.termCode} senast ${data.deadline}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `${data.districtName} har ännu inte rapporterat några VFU-platser för ${data.termCode}. ` +
        `Sista dag att rapportera är ${data.deadline}, ${WHEN[data.daysLeft] ?? `om ${data.daysLeft} dagar`}.`,
      'Kan ni inte ta emot studenter den här terminen? Hör gärna av dig till den centrala VFU-samordnaren, så att vi vet.',
      { link: { label: 'Rapportera platser', url: `${context.publicUrl}/` } },
    ],
  }),
});
