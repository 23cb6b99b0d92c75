import { IsInt, IsString, Min, MinLength } from 'class-validator';
import type { Response } from 'express';
import type { GuardedRequest } from '../auth/access.guard';
import type { SessionsService } from '../auth/sessions/sessions.service';
import { AppError } from '../common/errors/app-error';
import { UsersErrors } from '../users/users.errors';
import { FormFlow, Refused } from './form-flow';
import { CONFIRM } from './texts';

class PersonDto {
  @IsString()
  @MinLength(1)
  name: string;

  @IsInt()
  @Min(1)
  capacity: number;
}

/** What the browser got: a page with its status, or a redirect. */
interface Answer {
  status?: number;
  html?: string;
  redirect?: string;
}

function setUp() {
  const flashed: string[] = [];
  const sessions = {
    flash: (_token: string | undefined, text: string) => Promise.resolve(void flashed.push(text)),
  } as unknown as SessionsService;
  const answer: Answer = {};
  const response = {
    status(code: number) {
      answer.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(html: string) {
      answer.html = html;
      return this;
    },
    redirect(code: number, to: string) {
      answer.status = code;
      answer.redirect = to;
    },
  } as unknown as Response;
  const request = (body: Record<string, unknown>) =>
    ({ body, cookies: { vfu_session: 'token' } }) as unknown as GuardedRequest;
  return { sut: new FormFlow(sessions), flashed, answer, response, request };
}

describe('FormFlow', () => {
  const form = (call: (dto: PersonDto) => Promise<{ name: string }>, shown: Refused[] = []) => ({
    dto: PersonDto,
    input: (body: Record<string, unknown>) => ({ name: body.name, capacity: Number(body.capacity) }),
    call,
    done: (saved: { name: string }) => ({ redirect: '/handledare', confirmation: CONFIRM.supervisorSaved(saved) }),
    page: (refused: Refused) => {
      shown.push(refused);
      return 'the page again';
    },
  });

  it('calls the service with the checked DTO and redirects with a confirmation naming the result, kept for the next page', async () => {
    const { sut, flashed, answer, response, request } = setUp();
    const called: PersonDto[] = [];
    await sut.submit(
      request({ _csrf: 'x', name: 'Sara Öberg', capacity: '2' }),
      response,
      form((dto) => (called.push(dto), Promise.resolve({ name: dto.name }))),
    );
    expect(called).toEqual([expect.objectContaining({ name: 'Sara Öberg', capacity: 2 })]);
    expect(called[0]).toBeInstanceOf(PersonDto);
    expect(answer).toEqual({ status: 303, redirect: '/handledare' });
    expect(flashed).toEqual(['Handledaren Sara Öberg är sparad.']);
  });

  it('shows the page again with 400, the problems by field and the input as typed, without calling the service', async () => {
    const { sut, flashed, answer, response, request } = setUp();
    const shown: Refused[] = [];
    let calls = 0;
    await sut.submit(
      request({ _csrf: 'x', name: '', capacity: '0', password: 'hemligt-lösen' }),
      response,
      form(() => (calls++, Promise.resolve({ name: '' })), shown),
    );
    expect(answer).toEqual({ status: 400, html: 'the page again' });
    expect(calls).toBe(0);
    expect(flashed).toEqual([]);
    expect(Object.keys(shown[0].errors).sort()).toEqual(['capacity', 'name']);
    // The input is kept as typed; neither the CSRF token nor a password is sent back.
    expect(shown[0].values).toEqual({ name: '', capacity: '0' });
  });

  it('answers a refusal with its status and says a conflict that concerns one field beside that field', async () => {
    const { sut, answer, response, request } = setUp();
    const shown: Refused[] = [];
    const taken = () => Promise.reject(AppError.of(UsersErrors.email_taken, UsersErrors.email_taken.sample));
    await sut.submit(request({ name: 'Karin', capacity: '1' }), response, {
      ...form(taken, shown),
      conflictField: { [UsersErrors.email_taken.code]: 'email' },
      errorFor: 'create',
    });
    expect(answer.status).toBe(409);
    expect(shown[0].errorFor).toBe('create');
    expect(Object.keys(shown[0].errors)).toEqual(['email']);
    expect(shown[0].errors.email).toContain('e-post');
  });

  it('lets what is not a refusal through to the error page', async () => {
    const { sut, response, request } = setUp();
    const broken = () => Promise.reject(new Error('the database is down'));
    await expect(sut.submit(request({ name: 'Karin', capacity: '1' }), response, form(broken))).rejects.toThrow(
      'the database is down',
    );
  });

  it('says the problem of a form without fields above it, and shows a result to read as the page itself', async () => {
    const { sut, answer, response, request } = setUp();
    const shown: Refused[] = [];
    const refused = () => Promise.reject(AppError.of(UsersErrors.self_deactivation));
    const button = (call: () => Promise<string>) => ({
      call,
      errorFor: 'active',
      onForm: 'above' as const,
      done: (text: string) => ({ show: text }),
      page: form(refused, shown).page,
    });
    await sut.submit(request({}), response, button(refused));
    expect(answer.status).toBe(409);
    expect(shown[0]).toEqual({
      errors: { _form: 'Du kan inte inaktivera ditt eget konto.' },
      values: undefined,
      errorFor: 'active',
    });

    await sut.submit(
      request({}),
      response,
      button(() => Promise.resolve('who got a reminder')),
    );
    expect(answer).toMatchObject({ status: 200, html: 'who got a reminder' });
  });
});
