import { EntityManager, In } from 'typeorm';
import { University } from './entities/university.entity';

export function universityById(manager: EntityManager, id: string): Promise<University | null> {
  return manager.findOneBy(University, { id });
}

export function universityExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.existsBy(University, { id });
}

export function universitiesByIds(manager: EntityManager, ids: string[]): Promise<University[]> {
  return manager.findBy(University, { id: In(ids) });
}

/** By code; only the one with `id` when it is given. */
export function universitiesByCode(manager: EntityManager, id?: string): Promise<University[]> {
  return manager.find(University, { where: id ? { id } : {}, order: { code: 'ASC' } });
}
