/** The fields of social work a placement can be in (verksamhetsområden). */
export enum Field {
  FinancialAssistance = 'financial_assistance',
  SocialPsychiatry = 'social_psychiatry',
  SubstanceAbuse = 'substance_abuse',
  Disability = 'disability',
  Elderly = 'elderly',
  ChildrenYouth = 'children_youth',
}

export interface FieldInfo {
  code: Field;
  nameSv: string;
  nameEn: string;
}

export const FIELDS: readonly FieldInfo[] = [
  { code: Field.FinancialAssistance, nameSv: 'Ekonomiskt bistånd', nameEn: 'Financial assistance' },
  { code: Field.SocialPsychiatry, nameSv: 'Socialpsykiatri', nameEn: 'Social psychiatry' },
  { code: Field.SubstanceAbuse, nameSv: 'Missbruk', nameEn: 'Substance abuse' },
  { code: Field.Disability, nameSv: 'Stöd till personer med funktionsnedsättning', nameEn: 'Disability support' },
  { code: Field.Elderly, nameSv: 'Äldreomsorg', nameEn: 'Elderly care' },
  { code: Field.ChildrenYouth, nameSv: 'Barn och unga', nameEn: 'Children and youth' },
];
