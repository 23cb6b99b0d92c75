import { defineTemplate } from './mail-template';

export interface PlacementSupervisorData {
  name: string;
  termCode: string;
  districtName: string;
  students: { studentName: string; universityName: string; unitName: string; period: string | null }[];
}

/** To a supervisor when placements are published: the student(s) they will supervise. */
export const placementSupervisor = defineTemplate<PlacementSupervisorData>({
  name: 'placement-supervisor',
  content: (data) => ({
    subject: `Du är handledare för VFU-student${data.students.length > 1 ? 'er' : ''} ${data.termCode}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `Tack för att du tar emot socionomstudenter i ${data.districtName}. Du är handledare för:`,
      {
        list: data.students.map(
          (s) => `${s.studentName}, ${s.universityName}, på ${s.unitName}${s.period ? `, VFU-period ${s.period}` : ''}`,
        ),
      },
      'Lärosätet hör av sig med information om kursen. Inbjudan till det gemensamma introduktionstillfället kommer separat.',
    ],
  }),
});
