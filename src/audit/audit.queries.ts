import { EntityManager } from 'typeorm';
import { AuditEntry } from './entities/audit-entry.entity';

/** Entries about these records, and what these users did; newest first. */
export function auditEntriesAbout(
  manager: EntityManager,
  entityIds: string[],
  actorIds: string[],
): Promise<AuditEntry[]> {
  const query = manager.createQueryBuilder(AuditEntry, 'a').where('a.entity_id IN (:...entityIds)', { entityIds });
  if (actorIds.length) query.orWhere('a.actor_id IN (:...actorIds)', { actorIds });
  return query.orderBy('a.id', 'DESC').getMany();
}
