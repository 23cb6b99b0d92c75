import { CommonErrors } from './common/errors/common.errors';
import { InputErrors } from './common/errors/input.errors';
import { CodedSpec } from './common/errors/error-spec';
import { ValidationErrors } from './common/errors/validation.errors';
import { OffersErrors } from './offers/offers.errors';
import { AllocationErrors } from './allocation/allocation.errors';
import { AssignmentsErrors } from './assignments/assignments.errors';
import { DemandErrors } from './demand/demand.errors';
import { RemindersErrors } from './reminders/reminders.errors';
import { StudentsErrors } from './students/students.errors';
import { TermsErrors } from './terms/terms.errors';
import { AgreementErrors } from './agreement/agreement.errors';
import { AuthErrors } from './auth/auth.errors';
import { DistrictsErrors } from './districts/districts.errors';
import { EventsErrors } from './events/events.errors';
import { NotificationsErrors } from './notifications/notifications.errors';
import { PrivacyErrors } from './privacy/privacy.errors';
import { StudentRequestsErrors } from './student-requests/student-requests.errors';
import { SupervisorsErrors } from './supervisors/supervisors.errors';
import { UsersErrors } from './users/users.errors';

/**
 * Every refusal the service can give, one table per feature (each in its own `*.errors.ts`):
 * the one place their words live, walked by the catalogue's test.
 */
export const ERROR_CATALOGUE: Readonly<Record<string, Readonly<Record<string, CodedSpec>>>> = {
  common: CommonErrors,
  input: InputErrors,
  users: UsersErrors,
  auth: AuthErrors,
  agreement: AgreementErrors,
  districts: DistrictsErrors,
  events: EventsErrors,
  notifications: NotificationsErrors,
  studentRequests: StudentRequestsErrors,
  privacy: PrivacyErrors,
  supervisors: SupervisorsErrors,
  validation: ValidationErrors,
  offers: OffersErrors,
  terms: TermsErrors,
  students: StudentsErrors,
  assignments: AssignmentsErrors,
  allocation: AllocationErrors,
  demand: DemandErrors,
  reminders: RemindersErrors,
} as never;
