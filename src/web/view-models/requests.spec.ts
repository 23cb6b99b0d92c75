import { Role } from '../../common/auth/role';
import type { StudentRequestResponse } from '../../student-requests/dto/student-request.dto';
import { StudentRequestStatus } from '../../student-requests/student-request-status';
import { requestForm, requestInput, requestsPage } from './requests';

const request = (id: string, status = StudentRequestStatus.Forwarded): StudentRequestResponse => ({
  id,
  districtId: 'd1',
  studentName: `Student ${id}`,
  studentEmail: `${id}@student.example.se`,
  universityId: null,
  otherUniversity: null,
  message: 'Finns det plats?',
  receivedOn: '2026-03-01',
  status,
  forwardedAt: new Date(),
  answeredAt: null,
  answer: null,
  closedAt: null,
  overdue: false,
});

const data = {
  role: Role.DistrictContact,
  contactDistrictId: 'd1',
  requests: [request('r1'), request('r2', StudentRequestStatus.Answered)],
  overdueOnly: false,
  answerWithinDays: 14,
  districts: [{ id: 'd1', name: 'Bromma' }],
  universities: [{ id: 'u1', name: 'Stockholms universitet' }],
};

describe('the requests view model', () => {
  it('pages the requests, keeping the overdue filter in the links', () => {
    expect(requestsPage({ ...data, overdueOnly: true, listed: { offset: 100, total: 102 } }).pager).toEqual({
      summary: 'Visar 101–102 av 102',
      total: 102,
      previous: '/forfragningar?forsenade=1&offset=50',
      next: null,
    });
  });

  it('counts the open requests and names the contact’s district and every university', () => {
    expect(requestsPage(data)).toMatchObject({
      open: 1,
      districtOfContact: 'Bromma',
      universityName: { u1: 'Stockholms universitet' },
      values: {},
    });
    expect(requestsPage({ ...data, role: Role.Coordinator }).districtOfContact).toBeUndefined();
  });

  it('shows a refused answer beside that request, with what was typed, and not in the form for new requests', () => {
    const page = requestsPage(
      { ...data, role: Role.UniversityCoordinator },
      { errors: { answer: 'Högst 2000 tecken.' }, values: { answer: 'Långt svar' }, errorFor: requestForm('r1') },
    );
    expect(page.failed).toEqual({
      id: 'r1',
      errors: { answer: 'Högst 2000 tecken.' },
      values: { answer: 'Långt svar' },
    });
    expect(page.errors).toEqual({});
    expect(page.values).toEqual({});
  });

  it('keeps a refused new request in its own form', () => {
    const page = requestsPage(data, {
      errors: { studentEmail: 'Ange en giltig e-postadress.' },
      values: { studentName: 'Fatima' },
    });
    expect(page).toMatchObject({
      errors: { studentEmail: 'Ange en giltig e-postadress.' },
      values: { studentName: 'Fatima' },
      failed: undefined,
    });
  });

  it('leaves out an empty university and received date, so the service decides them', () => {
    expect(
      requestInput({ studentName: 'Fatima', studentEmail: 'f@x.se', universityId: '', message: 'Hej', receivedOn: '' }),
    ).toEqual({
      studentName: 'Fatima',
      studentEmail: 'f@x.se',
      universityId: undefined,
      otherUniversity: undefined,
      message: 'Hej',
      receivedOn: undefined,
    });
  });
});
