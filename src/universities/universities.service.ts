import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { ReadCache } from '../database/read-cache';
import { UpdateUniversityDto } from './dto/university.dto';
import { University } from './entities/university.entity';

@Injectable()
export class UniversitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(University) private readonly universities: Repository<University>,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  list(): Promise<University[]> {
    return this.cache.get('universities', () => this.universities.find({ order: { code: 'ASC' } }));
  }

  async get(id: string): Promise<University> {
    const university = await this.universities.findOneBy({ id });
    if (!university) throw AppError.notFound('university');
    return university;
  }

  async update(actor: Actor, id: string, dto: UpdateUniversityDto): Promise<University> {
    return this.dataSource.transaction(async (manager) => {
      const university = await manager.findOneBy(University, { id });
      if (!university) throw AppError.notFound('university');
      const changed = await this.audit.update(manager, actor, University, 'university', university, dto);
      return changed ? manager.findOneByOrFail(University, { id }) : university;
    });
  }
}
