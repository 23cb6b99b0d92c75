/**
 * The error catalogue's building blocks, free of the framework: every refusal the service can
 * give is one row with its HTTP status, an English message for the API and a Swedish text for
 * people, both built from the same typed params. A row without its Swedish text does not compile.
 */

/** What an error's texts may be built from: JSON values only, since the API returns them. */
export type Params = Record<string, unknown>;

export interface ErrorSpec<P extends Params = Params> {
  /** The HTTP status the API answers with (400 for a field problem inside a validation error). */
  status: number;
  /** Params to render the texts with in the catalogue's own test: a realistic case. */
  sample: P;
  /** English, for the API's `message`. */
  message: (params: P) => string;
  /** Swedish, for people: names, not ids or codes; Swedish plurals. */
  sv: (params: P) => string;
  /** Seconds to wait before trying again, sent as `Retry-After` (a 429 or 503 that knows it). */
  retryAfter?: (params: P) => number;
}

/** One row of a feature's table; the params' type is taken from `sample`. */
export function error<P extends Params>(spec: ErrorSpec<P>): ErrorSpec<P> {
  return spec;
}

/** Any row, whatever its params. */
export interface AnySpec {
  status: number;
  sample: Params;
  message(params: never): string;
  sv(params: never): string;
  retryAfter?(params: never): number;
}

/** A feature's rows by code. */
export type ErrorTable = Record<string, AnySpec>;

/** One bad input: the field it concerns (dot path, e.g. `periods.0.startsOn`), why, and the CSV row where there is one. */
export interface FieldProblem {
  field: string;
  code: string;
  params: Params;
  /** English, as the API says it. */
  message: string;
  /** Swedish, as a page says it beside the field. */
  sv: string;
  row?: number;
}

/** A row that knows its own code (the key it has in its feature's table). */
export type CodedSpec<P extends Params = Params> = ErrorSpec<P> & { readonly code: string };

/**
 * A feature's table: each row gets its key as its code. Keys are the codes the API returns
 * (snake case), unique across the catalogue.
 */
export function defineErrors<T extends ErrorTable>(table: T): { [K in keyof T]: T[K] & { readonly code: K & string } } {
  return Object.fromEntries(
    Object.entries(table).map(([code, spec]) => {
      if (REGISTERED.has(code)) throw new Error(`Error code ${code} is defined twice`);
      const coded = { ...spec, code } as unknown as CodedSpec;
      REGISTERED.set(code, coded);
      return [code, coded];
    }),
  ) as never;
}

/** Every row defined so far, by code: how a validation rule's named code finds its texts. */
const REGISTERED = new Map<string, CodedSpec>();

export function registeredSpec(code: string): CodedSpec | undefined {
  return REGISTERED.get(code);
}

/** The params argument of a row: optional where the row needs none. */
export type ParamsArg<P extends Params> = Record<string, never> extends P ? [params?: P] : [params: P];

/** A field problem of the given row (in a CSV file: on `row`), with both texts rendered now. */
export function problem<P extends Params>(spec: CodedSpec<P>, field: string, params: P, row?: number): FieldProblem {
  const out: FieldProblem = { field, code: spec.code, params, message: spec.message(params), sv: spec.sv(params) };
  if (row !== undefined) out.row = row;
  return out;
}
