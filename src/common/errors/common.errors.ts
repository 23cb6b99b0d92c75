import { count } from './swedish';
import { defineErrors, error } from './error-spec';

/** What the service can fail to find, with its name in both languages. */
const ENTITIES = {
  term: ['Term', 'Terminen'],
  offer: ['Offer', 'Platsen'],
  user: ['User', 'Användaren'],
  supervisor: ['Supervisor', 'Handledaren'],
  student: ['Student', 'Studenten'],
  assignment: ['Assignment', 'Placeringen'],
  allocation_run: ['Allocation run', 'Fördelningskörningen'],
  event: ['Event', 'Händelsen'],
  calendar: ['Calendar', 'Kalendern'],
  district: ['District', 'Stadsdelen'],
  university: ['University', 'Lärosätet'],
  notification: ['Notification', 'Meddelandet'],
  student_request: ['Student request', 'Förfrågan'],
  agreement_version: ['Version', 'Versionen'],
  heartbeat: ['Heartbeat', 'Kontrollmeddelandet'],
  page: ['Page', 'Sidan'],
} as const;

export type EntityName = keyof typeof ENTITIES;

/** A role as Swedes say it, after "en": "en central samordnare". */
export const ROLE_SV: Record<string, string> = {
  coordinator: 'central samordnare',
  district_contact: 'kontaktperson i en stadsdel',
  university_coordinator: 'VFU-samordnare vid ett lärosäte',
};

/** A PostgreSQL restart takes a few seconds; clients are told to wait this long before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Refusals that belong to no one feature: input, access, the database, the HTTP layer. */
export const CommonErrors = defineErrors({
  validation_failed: error({
    status: 400,
    sample: { count: 2 } as { count: number; summary?: string; file?: boolean },
    /** `summary`: where a rule's own English says more than "Validation failed" (the problems' messages). `file`: the problems are rows of an import file, none of which was imported. */
    message: (p) =>
      p.summary ?? (p.file ? `The file has ${p.count} problem(s); nothing was imported` : 'Validation failed'),
    sv: (p) =>
      p.file
        ? `Filen har ${count(p.count, 'fel', 'fel')}. Ingenting importerades.`
        : p.count === 1
          ? 'Ett fält behöver rättas.'
          : `${count(p.count, 'fält', 'fält')} behöver rättas.`,
  }),
  not_found: error<{ entity: EntityName; name?: string }>({
    status: 404,
    sample: { entity: 'term', name: 'HT2026' },
    message: (p) => `${ENTITIES[p.entity][0]}${p.name ? ` ${p.name}` : ''} not found`,
    sv: (p) => `${ENTITIES[p.entity][1]}${p.name ? ` ${p.name}` : ''} finns inte (längre).`,
  }),
  /** A field problem: a path parameter that must be an id is not one (a broken link). */
  malformed_id: error({
    status: 400,
    sample: { param: 'id' },
    message: () => 'must be a UUID',
    sv: () => 'Länken är felaktig. Gå tillbaka och försök igen.',
  }),
  /** A field problem: the id names no district (any form that picks one). */
  no_such_district: error({
    status: 400,
    sample: {},
    message: () => 'no such district',
    sv: () => 'Stadsdelen finns inte.',
  }),
  /** A field problem: the id names no university (any form that picks one). */
  no_such_university: error({
    status: 400,
    sample: {},
    message: () => 'no such university',
    sv: () => 'Lärosätet finns inte.',
  }),
  forbidden: error({
    status: 403,
    sample: {},
    message: () => 'You do not have access to this resource',
    sv: () => 'Du har inte behörighet till det.',
  }),
  role_required: error({
    status: 403,
    sample: { roles: ['coordinator'] as string[] },
    message: (p) => `This requires the role ${p.roles.join(' or ')}`,
    sv: (p) => `Det kräver att du är ${p.roles.map((r) => ROLE_SV[r] ?? r).join(' eller ')}.`,
  }),
  own_district_only: error({
    status: 403,
    sample: {},
    message: () => 'You can only act for your own district',
    sv: () => 'Du kan bara göra det för din egen stadsdel.',
  }),
  own_university_only: error({
    status: 403,
    sample: {},
    message: () => 'You can only act for your own university',
    sv: () => 'Du kan bara göra det för ditt eget lärosäte.',
  }),
  form_expired: error({
    status: 403,
    sample: {},
    message: () => 'The form has expired; reload the page and try again',
    sv: () => 'Formuläret har gått ut. Ladda om sidan och försök igen.',
  }),
  unauthenticated: error({
    status: 401,
    sample: { bearer: true },
    message: (p) => (p.bearer ? 'Sign in required: send Authorization: Bearer <token>' : 'Sign in required'),
    sv: () => 'Du behöver logga in.',
  }),
  invalid_token: error({
    status: 401,
    sample: {},
    message: () => 'The access token is invalid or has expired',
    sv: () => 'Inloggningen har gått ut. Logga in igen.',
  }),
  constraint_violation: error({
    status: 409,
    sample: {},
    message: () => 'The change conflicts with existing data',
    sv: () => 'Ändringen krockar med befintliga uppgifter. Ladda om sidan och försök igen.',
  }),
  /** The database does not answer (restarting, or away); the same request works once it is back. */
  database_unavailable: error({
    status: 503,
    sample: {},
    message: () => 'The database does not answer right now; try again shortly',
    sv: () => 'Tjänsten når inte sin databas just nu. Försök igen om en liten stund.',
    retryAfter: () => DATABASE_RETRY_AFTER_SECONDS,
  }),
  malformed_body: error({
    status: 400,
    sample: { reason: 'Unexpected token } in JSON at position 12' },
    message: (p) => p.reason,
    sv: () => 'Uppgifterna som skickades kunde inte läsas.',
  }),
  payload_too_large: error({
    status: 413,
    sample: {},
    message: () => 'The request body is too large',
    sv: () => 'Det som skickades är för stort.',
  }),
  unsupported_media_type: error({
    status: 415,
    sample: { expected: 'text/csv' },
    message: (p) => `Send the body as Content-Type: ${p.expected}`,
    sv: () => 'Det som skickades har fel format.',
  }),
  route_not_found: error({
    status: 404,
    sample: { method: 'GET', path: '/api/nothing' },
    message: (p) => `Cannot ${p.method} ${p.path}`,
    sv: () => 'Sidan finns inte.',
  }),
});
