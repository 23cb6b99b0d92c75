import { defineTemplate } from './mail-template';

export interface AgreementNoticeData {
  name: string;
  partyName: string;
  leavesOn: string;
}

/** To the other parties when one gives notice to leave the cooperation. */
export const agreementNotice = defineTemplate<AgreementNoticeData>({
  name: 'agreement-notice',
  content: (data) => ({
    subject: `${data.partyName} lämnar VFU-samarbetet ${data.leavesOn}`,
    greeting: `Hej ${data.name}!`,
    blocks: [
      `${data.partyName} har sagt upp avsiktsförklaringen om verksamhetsförlagd utbildning och lämnar samarbetet ${data.leavesOn}.`,
      'Avsiktsförklaringen gäller fortsatt för övriga parter.',
    ],
  }),
});
