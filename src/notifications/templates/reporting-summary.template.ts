import { defineTemplate } from './mail-template';

export interface ReportingSummaryData {
  name: string;
  termCode: string;
  deadline: string;
  targetPlaces: number;
  usablePlaces: number;
  reportedDistricts: number;
  totalDistricts: number;
  missing: { districtName: string; contactName: string | null }[];
}

/** To the central coordinator the morning after the deadline: who has not reported. */
export const reportingSummary = defineTemplate<ReportingSummaryData>({
  name: 'reporting-summary',
  content: (data, context) => ({
    subject: `${data.termCode}: ${data.missing.length} stadsdelsförvaltningar har inte rapporterat VFU-platser`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Sista dag för rapportering av VFU-platser för ${data.termCode} var ${data.deadline}. ` +
        `${data.reportedDistricts} av ${data.totalDistricts} stadsdelsförvaltningar har rapporterat, ` +
        `med ${data.usablePlaces} användbara platser mot målet ${data.targetPlaces}.`,
      ...(data.missing.length
        ? [
            'Har inte rapporterat:',
            {
              list: data.missing.map(
                (m) =>
                  `${m.districtName} (${m.contactName ? `kontaktperson ${m.contactName}` : 'saknar kontaktperson'})`,
              ),
            },
          ]
        : ['Alla stadsdelsförvaltningar har rapporterat.']),
      { link: { label: 'Se balansen för terminen', url: `${context.publicUrl}/` } },
    ],
  }),
});
