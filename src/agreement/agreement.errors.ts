import { defineErrors, error } from '../common/errors/error-spec';
import { date } from '../common/errors/swedish';

/** A version's status as Swedes say it, after "den är". */
const VERSION_STATUS_SV: Record<string, string> = {
  in_force: 'redan gällande',
  superseded: 'ersatt av en senare version',
  withdrawn: 'tillbakadragen',
};

export const AgreementErrors = defineErrors({
  /** Taking notice back when none was given (the code is kept as the API has always said it). */
  not_a_party: error({
    status: 409,
    sample: { partyName: 'Södertörns högskola' },
    message: (p) => `${p.partyName} has not given notice`,
    sv: (p) => `${p.partyName} har inte sagt upp avtalet.`,
  }),
  revision_pending: error({
    status: 409,
    sample: {},
    message: () => 'A revision is awaiting approval already; approve or withdraw it first',
    sv: () => 'En revidering väntar redan på godkännande. Godkänn eller dra tillbaka den först.',
  }),
  revision_not_proposed: error({
    status: 409,
    sample: { version: 2, status: 'in_force' } as { version: number; status?: string },
    message: (p) =>
      p.status
        ? `Version ${p.version} is ${p.status}, not awaiting approval`
        : `Version ${p.version} is not awaiting approval`,
    sv: (p) =>
      `Version ${p.version} väntar inte på godkännande${p.status && VERSION_STATUS_SV[p.status] ? `: den är ${VERSION_STATUS_SV[p.status]}` : ''}.`,
  }),
  notice_given: error({
    status: 409,
    sample: { partyName: 'Södertörns högskola', leavesOn: '2027-09-10' },
    message: (p) => `${p.partyName} has given notice already, leaving ${p.leavesOn}`,
    sv: (p) => `${p.partyName} har redan sagt upp avtalet och lämnar samarbetet ${date(p.leavesOn)}.`,
  }),
  /** A field problem: notice reaches the others at least `months` before the party leaves. */
  notice_too_short: error({
    status: 400,
    sample: { months: 6, today: '2027-03-10', earliest: '2027-09-10' },
    message: (p) =>
      `Notice must be given at least ${p.months} months before leaving: given today (${p.today}), the earliest leaving date is ${p.earliest}`,
    sv: (p) =>
      `Uppsägning ska ske minst ${p.months} månader före avslut: sägs avtalet upp i dag är ${date(p.earliest)} den tidigaste avslutsdagen.`,
  }),
  agreement_parties_only: error({
    status: 403,
    sample: {},
    message: () => 'Only the parties act on the agreement: the city (the coordinator) and the universities',
    sv: () =>
      'Bara avtalets parter kan göra det: staden genom den centrala samordnaren och lärosätena genom sina VFU-samordnare.',
  }),
  party_left_agreement: error({
    status: 403,
    sample: { partyName: 'Södertörns högskola', leftOn: '2027-09-10' },
    message: (p) => `${p.partyName} left the agreement on ${p.leftOn}`,
    sv: (p) => `${p.partyName} lämnade avtalet ${date(p.leftOn)}.`,
  }),
  revision_withdrawal_not_allowed: error({
    status: 403,
    sample: { version: 2 },
    message: () => 'Only the proposing party or the coordinator withdraws a proposal',
    sv: (p) => `Bara den part som föreslog version ${p.version}, eller den centrala samordnaren, kan dra tillbaka den.`,
  }),
  /** A field problem: a version is named by its number in the address. */
  invalid_version_number: error({
    status: 400,
    sample: {},
    message: () => 'must be a whole number',
    sv: () => 'Länken är felaktig: versionen anges med sitt nummer.',
  }),
});
