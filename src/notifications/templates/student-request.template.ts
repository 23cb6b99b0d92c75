import { defineTemplate } from './mail-template';

export interface StudentRequestData {
  name: string;
  districtName: string;
  studentName: string;
  studentEmail: string;
  studentUniversity: string;
  message: string;
  receivedOn: string;
}

/** A district forwards a student's request for a placement to the universities. */
export const studentRequest = defineTemplate<StudentRequestData>({
  name: 'student-request',
  content: (data, context) => ({
    subject: `Förfrågan om VFU-plats från ${data.studentName} (${data.districtName})`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `${data.districtName} har fått en förfrågan om VFU-plats från en student och vidarebefordrar den till lärosätena enligt avsiktsförklaringen.`,
      {
        list: [
          `Student: ${data.studentName}, ${data.studentEmail}`,
          `Lärosäte: ${data.studentUniversity}`,
          `Mottagen: ${data.receivedOn}`,
        ],
      },
      data.message,
      'Svara studenten och markera förfrågan som besvarad i VFU-tjänsten.',
      { link: { label: 'Öppna förfrågan', url: `${context.publicUrl}/` } },
    ],
  }),
});
