import { defineTemplate } from './mail-template';

export interface UserWelcomeData {
  name: string;
  email: string;
  role: 'coordinator' | 'district_contact' | 'university_coordinator';
  /** The district or university the user acts for. */
  scopeName: string | null;
}

const ROLE_SV: Record<UserWelcomeData['role'], string> = {
  coordinator: 'central VFU-samordnare',
  district_contact: 'kontaktperson för VFU',
  university_coordinator: 'VFU-samordnare',
};

/** Sent when the coordinator creates an account; never carries the password. */
export const userWelcome = defineTemplate<UserWelcomeData>({
  name: 'user-welcome',
  content: (data, context) => ({
    subject: 'Ditt konto i VFU-tjänsten',
    greeting: `Hej ${data.name}!`,
    blocks: [
      'Du har fått ett konto i Stockholms stads tjänst för verksamhetsförlagd utbildning (VFU) för socionomstudenter.',
      `Din roll: ${ROLE_SV[data.role]}${data.scopeName ? `, ${data.scopeName}` : ''}.`,
      `Du loggar in med din e-postadress ${data.email}. Lösenordet får du av den som skapade kontot; byt det gärna när du har loggat in.`,
      { link: { label: 'Logga in', url: `${context.publicUrl}/` } },
    ],
  }),
});
