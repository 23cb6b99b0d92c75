import { defineTemplate } from './mail-template';

export interface PlacementRow {
  studentName: string;
  universityCode: string;
  unitName: string;
  field: string;
  supervisorName: string;
}

export interface PlacementsDistrictData {
  name: string;
  districtName: string;
  termCode: string;
  placements: PlacementRow[];
}

/** To a district's contact person when placements are published: who comes, where, with whom. */
export const placementsDistrict = defineTemplate<PlacementsDistrictData>({
  name: 'placements-district',
  content: (data, context) => ({
    subject: `VFU ${data.termCode}: ${data.placements.length} studenter placeras i ${data.districtName}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Placeringarna för ${data.termCode} är klara. Så här placeras studenterna i ${data.districtName}:`,
      {
        table: {
          header: ['Student', 'Lärosäte', 'Enhet', 'Verksamhetsområde', 'Handledare'],
          rows: data.placements.map((p) => [p.studentName, p.universityCode, p.unitName, p.field, p.supervisorName]),
        },
      },
      'Handledarna får ett eget meddelande om sina studenter. Inbjudan till det gemensamma introduktionstillfället kommer separat.',
      { link: { label: 'Se placeringarna', url: `${context.publicUrl}/` } },
    ],
  }),
});
