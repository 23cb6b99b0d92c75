import { HttpException } from '@nestjs/common';
import { CommonErrors, EntityName } from './common.errors';
import { CodedSpec, FieldProblem, Params, ParamsArg } from './error-spec';

export type { FieldProblem } from './error-spec';

/**
 * The service's one exception type: a row of the error catalogue with its params. The global
 * filter gives the API its English message and the params; pages show the Swedish text.
 */
export class AppError extends HttpException {
  private constructor(
    readonly spec: CodedSpec,
    readonly params: Params,
    readonly details?: FieldProblem[],
  ) {
    super(spec.message(params), spec.status);
  }

  /** The refusal the row describes, with its params. */
  static of<P extends Params>(spec: CodedSpec<P>, ...[params]: ParamsArg<P>): AppError {
    return new AppError(spec as unknown as CodedSpec, params ?? {});
  }

  /** A refusal that carries problems by field (and row), e.g. a 400 validation error or a 409 on some CSV rows. */
  static withDetails<P extends Params>(
    spec: CodedSpec<P>,
    details: FieldProblem[],
    ...[params]: ParamsArg<P>
  ): AppError {
    return new AppError(spec as unknown as CodedSpec, params ?? {}, details);
  }

  /** 400: the input has these problems. */
  static invalid(details: FieldProblem[]): AppError {
    return AppError.withDetails(CommonErrors.validation_failed, details, { count: details.length });
  }

  static notFound(entity: EntityName, name?: string): AppError {
    return AppError.of(CommonErrors.not_found, name ? { entity, name } : { entity });
  }

  get code(): string {
    return this.spec.code;
  }

  /** The Swedish text for people. */
  get sv(): string {
    return this.spec.sv(this.params);
  }

  /** Seconds until trying again makes sense, where the row knows (the `Retry-After` header). */
  get retryAfter(): number | undefined {
    return this.spec.retryAfter?.(this.params);
  }
}
