import { count, plural } from '../common/errors/swedish';
import { field, TERM_STATUS } from './format';

declare const worded: unique symbol;

/**
 * What a page says once a form has done its work. Only the functions below make one, so every
 * confirmation is worded here; the form flow keeps it on the session for the next page.
 */
export type Confirmation = string & { readonly [worded]: true };

const said = (text: string) => text as Confirmation;

/** An offer as the pages name it: its unit and its field of social work. */
interface NamedOffer {
  unitName: string;
  field: string;
}

const offer = (o: NamedOffer) => `Platsen ${o.unitName}, ${field(o.field)}`;
const lookAtWarnings = (warned: boolean) =>
  warned ? ', men något behöver ses över: se varningarna vid platsen.' : '.';

/** The confirmations of the pages' forms, by what happened, each from the names it needs. */
export const CONFIRM = {
  supervisorAdded: (s: { name: string }) => said(`Handledaren ${s.name} är tillagd.`),
  supervisorSaved: (s: { name: string }) => said(`Handledaren ${s.name} är sparad.`),
  offerAdded: (o: NamedOffer, warned: boolean) => said(`${offer(o)} är tillagd${lookAtWarnings(warned)}`),
  offerSaved: (o: NamedOffer, warned: boolean) => said(`${offer(o)} är sparad${lookAtWarnings(warned)}`),
  offerRemoved: (o: NamedOffer) => said(`${offer(o)} är borttagen.`),

  /** `university`: the student's university, which gets the request; without it all three do. */
  requestForwarded: (r: { studentName: string; university?: string }) =>
    said(
      `Förfrågan från ${r.studentName} är registrerad och skickad vidare till ${r.university ? `VFU-samordnaren på ${r.university}` : 'alla tre lärosätenas VFU-samordnare'}.`,
    ),
  requestAnswered: (r: { studentName: string }) => said(`Förfrågan från ${r.studentName} är markerad som besvarad.`),
  requestClosed: (r: { studentName: string }) => said(`Förfrågan från ${r.studentName} är avslutad.`),

  termCreated: (t: { code: string }) => said(`Terminen ${t.code} är upplagd.`),
  termMoved: (t: { code: string; status: string }) =>
    said(
      `Terminen ${t.code} är nu i läget ${(TERM_STATUS[t.status] ?? t.status).toLowerCase()}${t.status === 'reporting' ? ', och kontaktpersonerna får e-post om att rapportera sina platser' : ''}.`,
    ),
  quotaSet: (q: { university: string; quota: number }) =>
    said(`Kvoten för ${q.university} är satt till ${count(q.quota, 'plats', 'platser')}.`),
  quotaRestored: (q: { university: string }) => said(`Kvoten för ${q.university} är återställd till den beräknade.`),
  allocationStarted: (t: { code: string }) => said(`Fördelningen för ${t.code} är startad.`),
  proposalApplied: (p: { code: string; applied: number }) =>
    said(`Förslaget är infört: ${count(p.applied, 'placering', 'placeringar')} för ${p.code}, som utkast.`),
  studentPlaced: (a: { studentName: string; unitName: string; supervisorName: string }) =>
    said(`${a.studentName} är placerad på ${a.unitName} med ${a.supervisorName} som handledare.`),
  placementRemoved: (a: { studentName: string }) => said(`Placeringen för ${a.studentName} är borttagen.`),
  published: (p: { code: string; published: number; notifications: number }) =>
    said(
      `${count(p.published, 'placering', 'placeringar')} för ${p.code} är ${plural(p.published, 'publicerad', 'publicerade')}. ` +
        `${count(p.notifications, 'e-postmeddelande', 'e-postmeddelanden')} till kontaktpersoner, lärosäten och handledare ligger i kö för att skickas.`,
    ),

  eventCreated: (e: { title: string }) =>
    said(`Händelsen ${e.title} är upplagd och de inbjudna får en kalenderinbjudan med e-post.`),
  eventChanged: (e: { title: string }) =>
    said(`Händelsen ${e.title} är ändrad och de inbjudna får en uppdaterad kalenderinbjudan.`),
  eventCancelled: (e: { title: string }) => said(`Händelsen ${e.title} är inställd och de inbjudna får besked.`),
  attendanceSaved: (e: { title: string; attended: number; invited: number }) =>
    said(`Närvaron på ${e.title} är sparad: ${e.attended} av ${e.invited} närvarade.`),
  userCreated: (u: { name: string }) => said(`Användaren ${u.name} är upplagd och får ett välkomstmejl.`),
  userActivated: (u: { name: string; active: boolean }) =>
    said(
      u.active
        ? `Användaren ${u.name} är aktiverad och kan logga in igen.`
        : `Användaren ${u.name} är inaktiverad och utloggad.`,
    ),
  districtSaved: (d: { name: string }) => said(`Stadsdelen ${d.name} är sparad.`),

  demandSaved: (d: { code: string; requestedPlaces: number }) =>
    said(`Behovet för ${d.code} är sparat: ${count(d.requestedPlaces, 'student', 'studenter')}.`),
  studentAdded: (s: { name: string; code: string }) => said(`Studenten ${s.name} är tillagd för ${s.code}.`),
  studentsImported: (i: { imported: number; code: string }) =>
    said(
      `${count(i.imported, 'student', 'studenter')} från filen är ${plural(i.imported, 'tillagd', 'tillagda')} för ${i.code}.`,
    ),
  studentSaved: (s: { name: string }) => said(`Studenten ${s.name} är sparad.`),
  studentRemoved: (s: { name: string; code: string }) => said(`Studenten ${s.name} är borttagen från ${s.code}.`),
  trainingReported: (r: { year: number; replaced: boolean }) =>
    said(
      r.replaced
        ? `Året ${r.year} var redan rapporterat: den tidigare rapporten är ersatt med den nya.`
        : `Rapporten för ${r.year} är sparad.`,
    ),

  calendarLinkRenewed: () => said('Du har fått en ny kalenderlänk. Den gamla fungerar inte längre.'),
};

/**
 * Signing out leaves no session to keep a confirmation on: the sign-in page says it by a fixed
 * key in its address (never text from the address).
 */
export const SIGNED_OUT = { key: 'utloggad', notice: 'Du är utloggad.' };
