import { defineTemplate } from './mail-template';

export interface ReportingOpenedData {
  name: string;
  districtName: string;
  termCode: string;
  /** Swedish, e.g. "15 september 2026". */
  deadline: string;
  targetPlaces: number;
}

/** To every district's contact person when the coordinator opens reporting for a term. */
export const reportingOpened = defineTemplate<ReportingOpenedData>({
  name: 'reporting-opened',
  content: (data, context) => ({
    subject: `Rapportera VFU-platser för ${data.termCode} senast ${data.deadline}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Nu kan ${data.districtName} rapportera sina VFU-platser för socionomstudenter termin 5 inför ${data.termCode}. ` +
        `Staden har som ambition att erbjuda ${data.targetPlaces} platser varje termin.`,
      `Rapportera varje plats med enhet, verksamhetsområde och namngiven handledare senast ${data.deadline}.`,
      { link: { label: 'Rapportera platser', url: `${context.publicUrl}/` } },
    ],
  }),
});
