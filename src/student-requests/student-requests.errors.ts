import { defineErrors, error } from '../common/errors/error-spec';
import { StudentRequestStatus } from './student-request-status';

export const StudentRequestsErrors = defineErrors({
  /** A field problem: the coordinator logs a request for the district that received it. */
  request_district_required: error({
    status: 400,
    sample: {},
    message: () => 'is required: the district that received the request',
    sv: () => 'Välj den stadsdel som tog emot förfrågan.',
  }),
  student_request_done: error({
    status: 409,
    sample: { status: StudentRequestStatus.Answered, studentName: 'Per Persson' } as {
      status: StudentRequestStatus;
      studentName: string;
    },
    message: (p) => `The request is ${p.status} already`,
    sv: (p) =>
      `Förfrågan från ${p.studentName} är redan ${p.status === StudentRequestStatus.Answered ? 'besvarad' : 'avslutad'}.`,
  }),
  /** A university coordinator acting on a request: only one forwarded to them, and only to answer it (`forwardedHere`: it was, so they tried to close it). */
  request_not_forwarded_to_you: error({
    status: 403,
    sample: { studentName: 'Per Persson', forwardedHere: false },
    message: () => 'The request was not forwarded to your university',
    sv: (p) =>
      p.forwardedHere
        ? `Lärosätet besvarar förfrågan från ${p.studentName}; den centrala samordnaren avslutar den.`
        : `Förfrågan från ${p.studentName} skickades inte till ditt lärosäte.`,
  }),
  request_answered_by_universities: error({
    status: 403,
    sample: {},
    message: () => 'Universities answer requests; the coordinator closes them',
    sv: () => 'Lärosätena besvarar förfrågningar och den centrala samordnaren avslutar dem.',
  }),
});
