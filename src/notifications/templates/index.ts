import { agreementNotice, AgreementNoticeData } from './agreement-notice.template';
import { eventCancelled, EventCancelledData } from './event-cancelled.template';
import { eventInvitation, EventInvitationData } from './event-invitation.template';
import { eventReminder, EventReminderData } from './event-reminder.template';
import { MailTemplate } from './mail-template';
import { placementSupervisor, PlacementSupervisorData } from './placement-supervisor.template';
import { placementsDistrict, PlacementsDistrictData } from './placements-district.template';
import { placementsUniversity, PlacementsUniversityData } from './placements-university.template';
import { reportingOpened, ReportingOpenedData } from './reporting-opened.template';
import { reportingReminder, ReportingReminderData } from './reporting-reminder.template';
import { reportingSummary, ReportingSummaryData } from './reporting-summary.template';
import { studentRequest, StudentRequestData } from './student-request.template';
import { userWelcome, UserWelcomeData } from './user-welcome.template';
import { workshopReminder, WorkshopReminderData } from './workshop-reminder.template';

/** Every e-mail the service sends, by template name, with the data each renders from. */
export interface TemplateData {
  'user-welcome': UserWelcomeData;
  'reporting-opened': ReportingOpenedData;
  'reporting-reminder': ReportingReminderData;
  'reporting-summary': ReportingSummaryData;
  'placements-district': PlacementsDistrictData;
  'placements-university': PlacementsUniversityData;
  'placement-supervisor': PlacementSupervisorData;
  'event-invitation': EventInvitationData;
  'event-cancelled': EventCancelledData;
  'event-reminder': EventReminderData;
  'workshop-reminder': WorkshopReminderData;
  'student-request': StudentRequestData;
  'agreement-notice': AgreementNoticeData;
}

export type TemplateName = keyof TemplateData;

export const TEMPLATES: { readonly [N in TemplateName]: MailTemplate<TemplateData[N]> } = {
  'user-welcome': userWelcome,
  'reporting-opened': reportingOpened,
  'reporting-reminder': reportingReminder,
  'reporting-summary': reportingSummary,
  'placements-district': placementsDistrict,
  'placements-university': placementsUniversity,
  'placement-supervisor': placementSupervisor,
  'event-invitation': eventInvitation,
  'event-cancelled': eventCancelled,
  'event-reminder': eventReminder,
  'workshop-reminder': workshopReminder,
  'student-request': studentRequest,
  'agreement-notice': agreementNotice,
};

export function templateOf(name: string): MailTemplate<unknown> | undefined {
  return (TEMPLATES as Record<string, MailTemplate<unknown>>)[name];
}
