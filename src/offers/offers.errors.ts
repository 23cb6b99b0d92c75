import { defineErrors, error } from '../common/errors/error-spec';
import { count, date, fieldName, list, plural } from '../common/errors/swedish';

/** An offer as a refusal names it: its unit and field of social work. */
interface NamedOffer {
  unitName: string;
  field: string;
}

const offerName = (o: NamedOffer) => `${o.unitName} (${fieldName(o.field)})`;

/** A placement that no longer fits after a change to offers or supervisors. */
type PlacementMisfit =
  | { kind: 'offer_full'; unitName: string; placed: number; usable: number }
  | { kind: 'supervisor_full'; supervisorName: string; placed: number; capacity: number }
  | { kind: 'supervisor_not_named'; supervisorName: string; unitName: string };

const misfitEn = (m: PlacementMisfit): string => {
  switch (m.kind) {
    case 'offer_full':
      return `${m.unitName} has ${m.placed} student(s) placed but room for ${m.usable}`;
    case 'supervisor_full':
      return `${m.supervisorName} supervises ${m.placed} student(s) in a term but can take ${m.capacity}`;
    case 'supervisor_not_named':
      return `${m.supervisorName} supervises a student at ${m.unitName} but is no longer named on it`;
  }
};

const misfitSv = (m: PlacementMisfit): string => {
  switch (m.kind) {
    case 'offer_full':
      return `${m.unitName} har ${count(m.placed, 'placerad student', 'placerade studenter')} men plats för ${m.usable}`;
    case 'supervisor_full':
      return `${m.supervisorName} handleder ${count(m.placed, 'student', 'studenter')} men kan ta ${m.capacity}`;
    case 'supervisor_not_named':
      return `${m.supervisorName} handleder en student på ${m.unitName} men är inte längre knuten till platsen`;
  }
};

export const OffersErrors = defineErrors({
  reporting_closed: error<{ termCode: string; reason: 'deadline' | 'status'; deadline: string; status: string }>({
    status: 409,
    sample: { termCode: 'HT2026', reason: 'deadline', deadline: '2026-03-15', status: 'reporting' },
    message: (p) =>
      p.reason === 'deadline'
        ? `The reporting deadline for ${p.termCode} (${p.deadline}) has passed. Ask the central coordinator to change offers.`
        : `Reporting for ${p.termCode} is closed: the term is ${p.status}. Ask the central coordinator to change offers.`,
    sv: (p) =>
      p.reason === 'deadline'
        ? `Sista dag för rapportering för ${p.termCode} (${date(p.deadline)}) har passerat. Kontakta den centrala samordnaren för ändringar.`
        : `Rapporteringen för ${p.termCode} är stängd. Kontakta den centrala samordnaren för ändringar.`,
  }),
  duplicate_offer: error({
    status: 409,
    sample: { unitName: 'Socialtjänsten Farsta', field: 'children_youth' },
    message: (p) => `${p.unitName} already has an offer in this field for the term; change that one instead`,
    sv: (p) => `${p.unitName} har redan en plats inom ${fieldName(p.field)} den här terminen. Ändra den i stället.`,
  }),
  offer_has_placements: error({
    status: 409,
    sample: { unitName: 'Socialtjänsten Farsta', placed: 2 },
    message: (p) => `${p.placed} student(s) are placed at this offer; remove those placements first`,
    sv: (p) =>
      `${count(p.placed, 'student är placerad', 'studenter är placerade')} på ${p.unitName}. Ta bort placeringarna först.`,
  }),
  supervisor_overcommitted: error({
    status: 409,
    sample: {
      termCode: 'HT2026',
      supervisors: ['Ali Hassan', 'Maria Lind'],
      capacity: 3,
      offers: [
        { unitName: 'Enheten för unga vuxna', field: 'financial_assistance' },
        { unitName: 'Mottagningen', field: 'children_youth' },
      ] as NamedOffer[],
      needed: 5,
    },
    message: (p) =>
      `Supervisors over-committed in ${p.termCode}: ${p.supervisors.join(', ')} can supervise ${p.capacity} student(s) in all, ` +
      `but the offers ${p.offers.map((o) => `${o.unitName} (${o.field})`).join(', ')} need ${p.needed}. Name other supervisors, lower the places, or raise a capacity.`,
    sv: (p) =>
      `Handledarna räcker inte i ${p.termCode}: ${list(p.supervisors)} kan ta ${count(p.capacity, 'student', 'studenter')} sammanlagt, ` +
      `men ${plural(p.offers.length, 'platsen', 'platserna')} ${list(p.offers.map(offerName))} behöver ${p.needed}. ` +
      'Ange fler handledare, minska antalet platser eller höj kapaciteten.',
  }),
  placements_exceed_capacity: error({
    status: 409,
    sample: { misfits: [{ kind: 'offer_full', unitName: 'Mottagningen', placed: 2, usable: 1 }] as PlacementMisfit[] },
    message: (p) =>
      `Students are placed here: ${p.misfits.map(misfitEn).join('; ')}. Move or remove those placements first.`,
    sv: (p) =>
      `Studenter är redan placerade här: ${list(p.misfits.map(misfitSv))}. Flytta eller ta bort placeringarna först.`,
  }),
  unknown_supervisor: error({
    status: 400,
    sample: { id: '7d1c…' },
    message: (p) => `${p.id} is not a supervisor`,
    sv: () => 'Välj bland stadsdelens handledare.',
  }),
  supervisor_of_other_district: error({
    status: 400,
    sample: { supervisorName: 'Sara Öberg' },
    message: (p) => `${p.supervisorName} belongs to another district`,
    sv: (p) => `${p.supervisorName} hör till en annan stadsdel.`,
  }),
  supervisor_inactive: error({
    status: 400,
    sample: { supervisorName: 'Sara Öberg' },
    message: (p) => `${p.supervisorName} is not active`,
    sv: (p) => `${p.supervisorName} är inte längre aktiv som handledare.`,
  }),
});

export type { PlacementMisfit };
