import type { AuditChanges } from './entities/audit-entry.entity';

const REDACTED = '[redacted]';

/**
 * The audited form of a change: for each field that differs, its old and new value.
 * Fields listed in `secret` are recorded as changed without their values.
 */
export function diffFields<T extends object>(
  before: Partial<T> | null,
  after: Partial<T>,
  secret: readonly string[] = [],
): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before ? (before as Record<string, unknown>)[field] : undefined;
    if (before && sameValue(from, to)) continue;
    const hidden = secret.includes(field);
    changes[field] = before
      ? { from: hidden ? REDACTED : (from ?? null), to: hidden ? REDACTED : to }
      : { to: hidden ? REDACTED : to };
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
