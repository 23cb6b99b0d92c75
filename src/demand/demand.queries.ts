import { EntityManager } from 'typeorm';
import { TermDemand } from './entities/term-demand.entity';

export function demandsOfTerm(manager: EntityManager, termId: string): Promise<TermDemand[]> {
  return manager.findBy(TermDemand, { termId });
}
