import type { AssignmentResponse } from '../../assignments/dto/assignment.dto';
import type { CreateOfferDto } from '../../offers/dto/offer.dto';
import type { OfferResponse } from '../../offers/dto/offer.response';
import { reportingClosed } from '../../offers/reporting-window';
import type { SupervisorResponse, UpdateSupervisorDto } from '../../supervisors/dto/supervisor.dto';
import type { TermResponse } from '../../terms/dto/term.response';
import type { FormBody, FormInput, Refused } from '../form-flow';
import { formValue } from '../forms';
import type { PageData } from '../view.service';
import { type Listed, listPager } from './pager';

const SUPERVISOR_LABELS = {
  name: 'Namn',
  email: 'E-postadress',
  trainingStatus: 'Handledarutbildning',
  capacity: 'Antal studenter åt gången',
  active: 'Aktiv',
};
const OFFER_LABELS = {
  unitName: 'Enhet',
  field: 'Verksamhetsområde',
  places: 'Antal platser',
  supervisorIds: 'Handledare',
};

interface Named {
  name: string;
}

/** A supervisor's form as the API's DTO takes it; adding names the district, changing may set `active`. */
export const supervisorInput = (body: FormBody): FormInput<UpdateSupervisorDto> => ({
  name: formValue.text(body.name),
  email: formValue.text(body.email),
  trainingStatus: formValue.optionalText(body.trainingStatus),
  capacity: formValue.int(body.capacity),
});

/** An offer's form as the API's DTO takes it (adding names the district too). */
export const offerInput = (body: FormBody): FormInput<CreateOfferDto> => ({
  unitName: formValue.text(body.unitName),
  field: formValue.optionalText(body.field),
  places: formValue.int(body.places),
  supervisorIds: formValue.list(body.supervisorIds),
});

/** An offer's form as typed; the ticked supervisors are a list even when one is ticked. */
export const offerValues = (body: FormBody) => ({
  unitName: body.unitName,
  field: body.field,
  places: body.places,
  supervisorIds: formValue.list(body.supervisorIds),
});

/**
 * Whether the contact may change the term's offers now: shown as information only, since the
 * offers service decides and refuses a late change with a message the form shows.
 */
const reportingOpen = (term: TermResponse, now: Date) => reportingClosed(term, now) === null;

export function supervisorsPage(
  data: { district: Named; supervisors: SupervisorResponse[]; listed?: Listed },
  refused?: Refused,
): PageData {
  const { listed, ...rest } = data;
  return {
    title: 'Handledare',
    ...rest,
    pager: listPager('/handledare', {}, listed, data.supervisors.length),
    labels: SUPERVISOR_LABELS,
    ...refused,
    values: refused?.values ?? { capacity: 1 },
  };
}

export function supervisorPage(supervisor: SupervisorResponse, refused?: Refused): PageData {
  const { name, email, trainingStatus, capacity, active } = supervisor;
  return {
    title: `Ändra handledare ${supervisor.name}`,
    supervisor,
    labels: SUPERVISOR_LABELS,
    ...refused,
    values: refused?.values ?? { name, email, trainingStatus, capacity, active },
  };
}

/**
 * The term's offers with the form to add one. New offers can name only active supervisors; a
 * refused removal (`errorFor: remove:<offer id>`) is said above the list, naming the offer.
 */
export function offersPage(
  data: {
    district: Named;
    terms: TermResponse[];
    term?: TermResponse;
    offers: OfferResponse[];
    supervisors: SupervisorResponse[];
    now: Date;
    listed?: Listed;
  },
  refused?: Refused,
): PageData {
  const { term, now, listed, ...rest } = data;
  const removing = refused?.errorFor?.startsWith('remove:')
    ? data.offers.find((o) => `remove:${o.id}` === refused.errorFor)
    : undefined;
  return {
    title: term ? `Platser ${term.code}` : 'Platser',
    ...rest,
    term,
    reporting: term ? reportingOpen(term, now) : false,
    pager: listPager('/platser', { termin: term?.code }, listed, data.offers.length),
    supervisors: data.supervisors.filter((s) => s.active),
    labels: OFFER_LABELS,
    ...(removing
      ? { listError: `${removing.unitName} kunde inte tas bort. ${refused!.errors._form ?? ''}`.trim() }
      : refused),
    values: (!removing && refused?.values) || { supervisorIds: [] },
  };
}

/** One offer to change. Supervisors no longer active stay listed while the offer names them, so they can be unticked. */
export function offerPage(
  data: { offer: OfferResponse; term: TermResponse; supervisors: SupervisorResponse[]; now: Date },
  refused?: Refused,
): PageData {
  const { offer, term } = data;
  const { unitName, field, places, supervisorIds } = offer;
  return {
    title: `Ändra plats ${offer.unitName}`,
    offer,
    term,
    reporting: reportingOpen(term, data.now),
    supervisors: data.supervisors.filter((s) => s.active || offer.supervisorIds.includes(s.id)),
    labels: OFFER_LABELS,
    ...refused,
    values: refused?.values ?? { unitName, field, places, supervisorIds },
  };
}

export function placedPage(data: {
  district: Named;
  terms: TermResponse[];
  term?: TermResponse;
  assignments: AssignmentResponse[];
  universities: { id: string; name: string }[];
}): PageData {
  const { universities, ...rest } = data;
  return {
    title: 'Placerade studenter',
    ...rest,
    universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
  };
}
