import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { problem } from '../common/errors/error-spec';
import { ReadCache } from '../database/read-cache';
import { userById } from '../users/users.queries';
import { DistrictsErrors } from './districts.errors';
import { canBeContactOf } from './district-contact';
import { UpdateDistrictDto } from './dto/update-district.dto';
import { District } from './entities/district.entity';

@Injectable()
export class DistrictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(District) private readonly districts: Repository<District>,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  list(): Promise<District[]> {
    return this.cache.get('districts', () => this.districts.find({ order: { name: 'ASC' } }));
  }

  async get(id: string): Promise<District> {
    const district = await this.districts.findOneBy({ id });
    if (!district) throw AppError.notFound('district');
    return district;
  }

  async update(actor: Actor, id: string, dto: UpdateDistrictDto): Promise<District> {
    return this.dataSource.transaction(async (manager) => {
      const district = await manager.findOne(District, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!district) throw AppError.notFound('district');
      if (dto.contactUserId) {
        const contact = await userById(manager, dto.contactUserId);
        if (!contact || !canBeContactOf(contact, id)) {
          throw AppError.invalid([
            problem(DistrictsErrors.invalid_district_contact, 'contactUserId', { districtName: district.name }),
          ]);
        }
      }
      const changed = await this.audit.update(manager, actor, District, 'district', district, dto);
      return changed ? manager.findOneByOrFail(District, { id }) : district;
    });
  }
}
