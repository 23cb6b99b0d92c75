import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { User } from '../users/entities/user.entity';
import { UpdateDistrictDto } from './dto/update-district.dto';
import { District } from './entities/district.entity';

@Injectable()
export class DistrictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(District) private readonly districts: Repository<District>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<District[]> {
    return this.districts.find({ order: { name: 'ASC' } });
  }

  async get(id: string): Promise<District> {
    const district = await this.districts.findOneBy({ id });
    if (!district) throw AppError.notFound('District');
    return district;
  }

  async update(actor: Actor, id: string, dto: UpdateDistrictDto): Promise<District> {
    return this.dataSource.transaction(async (manager) => {
      const district = await manager.findOne(District, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!district) throw AppError.notFound('District');
      if (dto.contactUserId) {
        const contact = await manager.findOneBy(User, { id: dto.contactUserId });
        if (!contact || !contact.active || contact.role !== Role.DistrictContact || contact.districtId !== id) {
          throw AppError.invalidField('contactUserId', 'must be an active district_contact user of this district');
        }
      }
      const changed = await this.audit.update(manager, actor, District, 'district', district, dto);
      return changed ? manager.findOneByOrFail(District, { id }) : district;
    });
  }
}
