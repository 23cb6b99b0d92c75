import { defineTemplate } from './mail-template';

export interface PlacementsUniversityData {
  name: string;
  universityName: string;
  termCode: string;
  placements: {
    studentName: string;
    districtName: string;
    unitName: string;
    field: string;
    supervisorName: string;
    supervisorEmail: string;
  }[];
}

/** To a university's VFU coordinators when placements are published: where each student goes. */
export const placementsUniversity = defineTemplate<PlacementsUniversityData>({
  name: 'placements-university',
  content: (data, context) => ({
    subject: `VFU ${data.termCode}: placeringar för ${data.universityName}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Stockholms stad har publicerat placeringarna för ${data.termCode}. ${data.placements.length} av era studenter är placerade:`,
      {
        table: {
          header: [
            'Student',
            'Stadsdelsförvaltning',
            'Enhet',
            'Verksamhetsområde',
            'Handledare',
            'Handledarens e-post',
          ],
          rows: data.placements.map((p) => [
            p.studentName,
            p.districtName,
            p.unitName,
            p.field,
            p.supervisorName,
            p.supervisorEmail,
          ]),
        },
      },
      { link: { label: 'Se och ladda ner placeringarna', url: `${context.publicUrl}/` } },
    ],
  }),
});
