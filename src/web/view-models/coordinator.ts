import { AllocationRunStatus } from '../../allocation/allocation-run-status';
import type { AllocationRun, AllocationRunSummary } from '../../allocation/entities/allocation-run.entity';
import { AssignmentStatus } from '../../assignments/assignment-status';
import type { AssignmentResponse } from '../../assignments/dto/assignment.dto';
import type { BalanceResponse } from '../../balance/dto/balance.response';
import type { OfferResponse } from '../../offers/dto/offer.response';
import { effectiveCapacity } from '../../offers/supervisor-coverage';
import type { ReminderResultResponse } from '../../reminders/dto/reminder-result.response';
import type { StudentResponse } from '../../students/dto/student.response';
import type { CreateTermDto } from '../../terms/dto/term.dto';
import type { TermResponse } from '../../terms/dto/term.response';
import { nextStatus, TermStatus } from '../../terms/term-status';
import { barChart } from '../charts';
import type { FormBody, FormInput, Refused } from '../form-flow';
import { formValue } from '../forms';
import { field as fieldName, TRAINING } from '../format';
import type { FormErrors, PageData } from '../view.service';
import { LIST_PAGE, listPager } from './pager';

/** Seconds between reloads of a run's page while the job works. */
export const RUN_REFRESH_SECONDS = 2;

interface Named {
  id: string;
  name: string;
}
interface University extends Named {
  code: string;
}

const date = (body: FormBody, name: string) => (formValue.text(body[name]) ?? '').trim();

/**
 * The new-term form, one pair of dates per university. A university whose dates are both left
 * empty gets no period, so the DTO's period `k` is the form's university `given[k].index`, and
 * a problem with a period is said beside that university's dates.
 */
export function termForm(universities: readonly { id: string }[]) {
  const given = (body: FormBody) =>
    universities
      .map((university, index) => ({
        index,
        universityId: university.id,
        startsOn: date(body, `periods.${index}.startsOn`),
        endsOn: date(body, `periods.${index}.endsOn`),
      }))
      .filter((p) => p.startsOn || p.endsOn);
  const code = (body: FormBody) => (formValue.text(body.code) ?? '').trim().toUpperCase();
  return {
    input: (body: FormBody): FormInput<CreateTermDto> => ({
      code: code(body),
      targetPlaces: formValue.int(body.targetPlaces),
      reportingDeadline: formValue.text(body.reportingDeadline) ?? '',
      periods: given(body).map(({ universityId, startsOn, endsOn }) => ({ universityId, startsOn, endsOn })),
    }),
    values: (body: FormBody) => ({
      code: code(body),
      targetPlaces: formValue.text(body.targetPlaces),
      reportingDeadline: formValue.text(body.reportingDeadline) ?? '',
      ...Object.fromEntries(
        universities.flatMap((_, i) =>
          [`periods.${i}.startsOn`, `periods.${i}.endsOn`].map((name) => [name, date(body, name)]),
        ),
      ),
    }),
    onForm: (errors: FormErrors, body: FormBody): FormErrors => {
      const periods = given(body);
      return Object.fromEntries(
        Object.entries(errors).map(([name, message]) => [
          name.replace(/^periods\.(\d+)\./, (_, k: string) => `periods.${periods[Number(k)]?.index ?? k}.`),
          message,
        ]),
      );
    },
  };
}

export function termsPage(data: { terms: TermResponse[]; universities: Named[] }, refused?: Refused): PageData {
  const { universities } = data;
  return {
    title: 'Terminer',
    ...data,
    labels: {
      code: 'Terminskod',
      targetPlaces: 'Mål (antal platser)',
      reportingDeadline: 'Sista dag för rapportering',
      periods: 'VFU-perioder',
      ...Object.fromEntries(
        universities.flatMap((u, i) => [
          [`periods.${i}.startsOn`, `Första dagen, ${u.name}`],
          [`periods.${i}.endsOn`, `Sista dagen, ${u.name}`],
          [`periods.${i}.universityId`, u.name],
        ]),
      ),
    },
    ...refused,
    values: refused?.values ?? { targetPlaces: 100 },
  };
}

/** The term's dashboard: the balance against the target, reminders, quotas, status and runs. */
export function dashboardPage(
  data: {
    term: TermResponse;
    balance: BalanceResponse;
    universities: Named[];
    runs: AllocationRunSummary[];
    reminders?: ReminderResultResponse;
  },
  refused?: Refused,
): PageData {
  const { term, balance, universities } = data;
  const next = nextStatus(term.status);
  return {
    title: `Terminsöversikt ${term.code}`,
    term,
    balance,
    chart: barChart({
      title: `Användbara platser per stadsdel, ${term.code}`,
      description: `Användbara platser som varje stadsdel har rapporterat. Stadsdelar som inte har rapporterat är streckade och märkta ”har inte rapporterat”. Samma siffror finns i tabellen.`,
      bars: balance.districts.map((d) => ({
        label: d.name,
        value: d.usablePlaces,
        marked: !d.reported,
        note: '(har inte rapporterat)',
      })),
      unit: 'platser',
    }),
    universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
    next,
    nextByPublishing: next === TermStatus.Published,
    runs: data.runs,
    reminders: data.reminders,
    labels: { quota: 'Ny kvot' },
    ...refused,
  };
}

/** Names for the ids in runs and placements. */
export interface TermNames {
  students: Map<string, { name: string; university: string }>;
  /** The term's offers by district, then unit. */
  offers: Map<string, OfferResponse>;
  districts: Map<string, string>;
  universities: Map<string, University>;
}

export function termNames(data: {
  students: StudentResponse[];
  offers: OfferResponse[];
  districts: Named[];
  universities: University[];
}): TermNames {
  const university = new Map(data.universities.map((u) => [u.id, u]));
  const district = new Map(data.districts.map((d) => [d.id, d.name]));
  const byPlace = (a: OfferResponse, b: OfferResponse) =>
    (district.get(a.districtId) ?? '').localeCompare(district.get(b.districtId) ?? '', 'sv') ||
    a.unitName.localeCompare(b.unitName, 'sv');
  return {
    students: new Map(
      data.students.map((s) => [s.id, { name: s.name, university: university.get(s.universityId)?.code ?? '–' }]),
    ),
    offers: new Map([...data.offers].sort(byPlace).map((o) => [o.id, o])),
    districts: district,
    universities: university,
  };
}

/** A run: reloading while the job works; once it has succeeded, its proposal by student with names. */
export function runPage(
  data: { term: TermResponse; run: AllocationRun; names?: TermNames },
  refused?: Refused,
): PageData {
  const { term, run, names } = data;
  const working = run.status === AllocationRunStatus.Queued || run.status === AllocationRunStatus.Running;
  const page: PageData = {
    title: `Fördelning ${term.code}`,
    term,
    run,
    working,
    ...(working ? { refresh: RUN_REFRESH_SECONDS } : {}),
    ...refused,
  };
  if (run.status !== AllocationRunStatus.Succeeded || !run.outcome || !names) return page;
  const student = (id: string) => names.students.get(id) ?? { name: 'Borttagen student', university: '–' };
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'sv');
  return {
    ...page,
    universities: run.outcome.universities.map((u) => ({
      name: names.universities.get(u.universityId)?.name ?? '–',
      quota: u.quota,
      placed: u.placed,
    })),
    unplaced: run.outcome.unplaced.map((u) => ({ ...student(u.studentId), reason: u.reason })).sort(byName),
    proposals: run.outcome.proposals
      .map((p) => {
        const offer = names.offers.get(p.offerId);
        return {
          ...student(p.studentId),
          district: offer ? (names.districts.get(offer.districtId) ?? '–') : '–',
          unit: offer?.unitName ?? 'Borttagen plats',
          field: offer?.field,
          supervisor: offer?.supervisors.find((s) => s.id === p.supervisorId)?.name ?? '–',
          cost: p.cost,
        };
      })
      .sort(byName),
  };
}

/**
 * The term's placements with the form to place a student by hand: each offer with what is left
 * of it, and under it its supervisors with what each can still take.
 */
export function placementsPage(
  data: { term: TermResponse; rows: AssignmentResponse[]; names: TermNames; offset?: number },
  refused?: Refused,
): PageData {
  const { term, rows, names, offset = 0 } = data;
  // Counts and free places come from every row; the table shows one page of them.
  const shown = rows.slice(offset, offset + LIST_PAGE);
  const placed = new Set(rows.map((r) => r.studentId));
  // Counted in one pass: filtering the rows once per offer and per supervisor is quadratic.
  const perOffer = new Map<string, number>();
  const perSupervisor = new Map<string, number>();
  for (const r of rows) {
    perOffer.set(r.offerId, (perOffer.get(r.offerId) ?? 0) + 1);
    perSupervisor.set(r.supervisorId, (perSupervisor.get(r.supervisorId) ?? 0) + 1);
  }
  const atOffer = (id: string) => perOffer.get(id) ?? 0;
  const withSupervisor = (id: string) => perSupervisor.get(id) ?? 0;
  // Only what the server would accept: an offer with a free place and a supervisor on it with room.
  const offers = [...names.offers.values()].flatMap((o) => {
    const label = `${names.districts.get(o.districtId) ?? '–'} – ${o.unitName} – ${fieldName(o.field)}`;
    const free = o.usablePlaces - atOffer(o.id);
    const supervisors = o.supervisors.flatMap((s) => {
      const capacity = effectiveCapacity(s);
      const room = capacity - withSupervisor(s.id);
      if (room <= 0) return [];
      const training = TRAINING[s.trainingStatus].toLowerCase();
      return [{ value: s.id, label: `${s.name} – ${room} av ${capacity} lediga – utbildning: ${training}` }];
    });
    if (free <= 0 || !supervisors.length) return [];
    return [{ value: o.id, label: `${label} – ${free} av ${o.usablePlaces} lediga`, group: label, supervisors }];
  });
  const chosen = refused?.values ?? {};
  return {
    title: `Placeringar ${term.code}`,
    term,
    rows: shown.map((r) => ({
      ...r,
      university: names.universities.get(r.universityId)?.code ?? '–',
      district: names.districts.get(r.districtId) ?? '–',
    })),
    pager: listPager(`/terminer/${term.code}/placeringar`, {}, { offset, total: rows.length }, shown.length),
    // The same supervisor can be named on several offers: keep the choice under the offer chosen with it.
    supervisorGroup:
      offers.find((o) => o.value === chosen.offerId && o.supervisors.some((s) => s.value === chosen.supervisorId))
        ?.value ?? offers.find((o) => o.supervisors.some((s) => s.value === chosen.supervisorId))?.value,
    unplacedStudents: [...names.students.entries()]
      .filter(([id]) => !placed.has(id))
      .map(([id, s]) => ({ value: id, label: `${s.name} (${s.university})` })),
    offers,
    drafts: rows.filter((r) => r.status === AssignmentStatus.Draft).length,
    labels: { studentId: 'Student', offerId: 'Plats', supervisorId: 'Handledare' },
    ...refused,
  };
}
