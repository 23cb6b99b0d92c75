import { FieldProblem, problem } from '../errors/error-spec';
import { InputErrors } from '../errors/input.errors';
import { ValidationErrors } from '../errors/validation.errors';

/** NUL, or half of a UTF-16 surrogate pair: text PostgreSQL cannot store and no one typed. */
const ILL_FORMED = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Keys that name an object's prototype machinery, never a field of ours. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** At most this many problems are listed: enough to fix the input, never a flood. */
export const MAX_INPUT_PROBLEMS = 10;

/** Whether a text is well-formed Unicode without NUL. */
export function isWellFormedText(text: string): boolean {
  return !ILL_FORMED.test(text);
}

/**
 * The problems of an input's strings and keys at any depth, each named by its dot path under
 * `root` (`periods.0.startsOn`): ill-formed text, and prototype keys, which a DTO would drop
 * silently where any other unknown key is refused. Walks without recursion.
 */
export function inputTextProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const queue: [unknown, string][] = [[value, root]];
  for (let i = 0; i < queue.length && problems.length < MAX_INPUT_PROBLEMS; i++) {
    const [current, path] = queue[i];
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) problems.push(illFormed(path));
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        const field = path ? `${path}.${key}` : key;
        if (PROTOTYPE_KEYS.has(key))
          problems.push(problem(ValidationErrors.whitelistValidation, field, { property: key }));
        else if (!isWellFormedText(key)) problems.push(illFormed(field));
        else queue.push([(current as Record<string, unknown>)[key], field]);
      }
    }
  }
  return problems.slice(0, MAX_INPUT_PROBLEMS);
}

function illFormed(field: string): FieldProblem {
  return problem(InputErrors.ill_formed_text, field, { property: field.split('.').pop() ?? field });
}
