import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { diffFields } from './audit-diff';
import { Actor } from '../common/auth/role';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { currentRequestId } from '../common/http/request-context';
import { AuditEntry, type AuditChanges } from './entities/audit-entry.entity';
import { AuditQueryDto } from './dto/audit-query.dto';

/**
 * Fields that hold personal data: the audit log says they changed, never what they held, so it
 * carries ids and no names (and needs no clean-up when a person's data is removed).
 */
export const PERSONAL_FIELDS: readonly string[] = [
  'name',
  'email',
  'studentName',
  'studentEmail',
  'studentRef',
  'answer',
  'message',
  'recipientEmail',
];
const PERSONAL = '[personal data]';
const AUDIT_PAGE = 100;

function withoutPersonalData(changes: AuditChanges): AuditChanges {
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      PERSONAL_FIELDS.includes(field)
        ? {
            ...('from' in change ? { from: change.from === null ? null : PERSONAL } : {}),
            ...('to' in change ? { to: change.to === null ? null : PERSONAL } : {}),
          }
        : change,
    ]),
  );
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  changes?: AuditChanges;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Writes the entry through `manager`, so it commits or rolls back with the change itself. */
  async record(manager: EntityManager, actor: Pick<Actor, 'id'> | null, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEntry, {
      actorId: actor?.id ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      changes: withoutPersonalData(record.changes ?? {}) as object,
      requestId: currentRequestId(),
    });
  }

  /**
   * Applies `patch` to the row `before` and audits the fields that really changed, in the
   * caller's transaction. Returns false when nothing changed (and nothing was written).
   */
  async update<T extends ObjectLiteral & { id: string }>(
    manager: EntityManager,
    actor: Pick<Actor, 'id'> | null,
    target: EntityTarget<T>,
    entityType: string,
    before: T,
    patch: Partial<T>,
    secret: readonly string[] = [],
  ): Promise<boolean> {
    const changes = diffFields(before, patch, secret);
    if (Object.keys(changes).length === 0) return false;
    await manager.update(target, { id: before.id }, patch);
    await this.record(manager, actor, { action: `${entityType}.updated`, entityType, entityId: before.id, changes });
    return true;
  }

  /** Newest first, 100 a page unless `limit` says otherwise (the log never answered whole). */
  async list(query: AuditQueryDto): Promise<Paged<AuditEntry>> {
    const where: Partial<Record<'entityType' | 'entityId' | 'actorId' | 'action', string>> = {};
    if (query.entityType) where.entityType = query.entityType;
    if (query.entityId) where.entityId = query.entityId;
    if (query.actorId) where.actorId = query.actorId;
    if (query.action) where.action = query.action;
    const [rows, total] = await this.entries.findAndCount({
      where,
      order: { id: 'DESC' },
      ...takeSkip(pageWindow(query, AUDIT_PAGE)),
    });
    return { rows, total };
  }
}
