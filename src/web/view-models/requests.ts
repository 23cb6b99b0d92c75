import { Role } from '../../common/auth/role';
import type { CreateStudentRequestDto, StudentRequestResponse } from '../../student-requests/dto/student-request.dto';
import { StudentRequestStatus } from '../../student-requests/student-request-status';
import type { FormBody, FormInput, Refused } from '../form-flow';
import { formValue } from '../forms';
import type { PageData } from '../view.service';
import { type Listed, listPager } from './pager';

const REQUEST_LABELS = {
  studentName: 'Studentens namn',
  studentEmail: 'Studentens e-postadress',
  universityId: 'Studentens lärosäte',
  otherUniversity: 'Annat lärosäte',
  message: 'Förfrågan',
  receivedOn: 'Mottagen',
  status: 'Status',
  answer: 'Svar',
};

/** A district's new request as the API's DTO takes it. */
export const requestInput = (body: FormBody): FormInput<CreateStudentRequestDto> => ({
  studentName: formValue.text(body.studentName),
  studentEmail: formValue.text(body.studentEmail),
  universityId: formValue.optionalText(body.universityId),
  otherUniversity: formValue.optionalText(body.otherUniversity),
  message: formValue.text(body.message),
  receivedOn: formValue.optionalText(body.receivedOn),
});

/** The form of one listed request (an answer, a close): its errors are shown beside that request. */
export const requestForm = (id: string) => `request:${id}`;

/**
 * The requests a user may see, for each role its own part: a contact logs new ones, a university
 * coordinator answers, the coordinator follows up and closes.
 */
export function requestsPage(
  data: {
    role: Role;
    contactDistrictId: string | null;
    requests: StudentRequestResponse[];
    overdueOnly: boolean;
    answerWithinDays: number;
    districts: { id: string; name: string }[];
    universities: { id: string; name: string }[];
    listed?: Listed;
  },
  refused?: Refused,
): PageData {
  const { requests, districts, universities } = data;
  const filter = { forsenade: data.overdueOnly ? '1' : undefined };
  const failed = requests.find((r) => refused?.errorFor === requestForm(r.id));
  return {
    title: 'Förfrågningar från studenter',
    role: data.role,
    requests,
    pager: listPager('/forfragningar', filter, data.listed, requests.length),
    open: requests.filter((r) => r.status === StudentRequestStatus.Forwarded).length,
    overdueOnly: data.overdueOnly,
    answerWithinDays: data.answerWithinDays,
    districtName: Object.fromEntries(districts.map((d) => [d.id, d.name])),
    districtOfContact:
      data.role === Role.DistrictContact ? districts.find((d) => d.id === data.contactDistrictId)?.name : undefined,
    universities,
    universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
    labels: REQUEST_LABELS,
    errors: failed ? {} : refused?.errors,
    values: (!failed && refused?.values) || {},
    failed: failed && refused ? { id: failed.id, errors: refused.errors, values: refused.values ?? {} } : undefined,
  };
}
