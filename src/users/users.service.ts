import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { FieldProblem, problem } from '../common/errors/error-spec';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { districtById, releaseContactRole } from '../districts/districts.queries';
import { OutboxService } from '../notifications/outbox.service';
import { universityById } from '../universities/universities.queries';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { UsersErrors } from './users.errors';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(query: PageQueryDto = {}): Promise<Paged<User>> {
    const [rows, total] = await this.users.findAndCount({
      order: { name: 'ASC', email: 'ASC', id: 'ASC' },
      ...takeSkip(pageWindow(query)),
    });
    return { rows, total };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw AppError.notFound('user');
    return user;
  }

  /** Null when there is none: a token or session whose user is gone is simply not good. */
  find(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** What a sign-in checks; the password hash is selected nowhere else. */
  findForSignIn(email: string): Promise<Pick<User, 'id' | 'passwordHash' | 'active'> | null> {
    return this.users.findOne({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  }

  /**
   * `actor` is null when the CLI bootstraps a user. A user created by a coordinator gets a
   * welcome e-mail (never with the password).
   */
  async create(actor: Actor | null, dto: CreateUserDto): Promise<User> {
    return this.outbox.transaction(async (manager, send) => {
      const scopeName = await this.checkScope(manager, dto);
      if (await manager.existsBy(User, { email: dto.email })) {
        throw AppError.of(UsersErrors.email_taken, { email: dto.email });
      }
      const user = manager.create(User, {
        email: dto.email,
        name: dto.name,
        role: dto.role,
        districtId: dto.role === Role.DistrictContact ? dto.districtId : null,
        universityId: dto.role === Role.UniversityCoordinator ? dto.universityId : null,
        passwordHash: await hashPassword(dto.password),
      });
      await manager.insert(User, user);
      const { passwordHash: _, ...visible } = user;
      await this.audit.record(manager, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        changes: diffFields(null, visible),
      });
      if (actor) {
        await send({
          to: user.email,
          recipientUserId: user.id,
          template: 'user-welcome',
          data: { name: user.name, email: user.email, role: user.role, scopeName },
          idempotencyKey: `user-welcome-${user.id}`,
        });
      }
      return manager.findOneByOrFail(User, { id: user.id });
    });
  }

  async update(actor: Actor | null, id: string, dto: UpdateUserDto): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AppError.notFound('user');
      if (dto.active === false && actor?.id === id) {
        throw AppError.of(UsersErrors.self_deactivation);
      }
      const patch: Partial<User> = {};
      if (dto.name !== undefined) patch.name = dto.name;
      if (dto.active !== undefined) patch.active = dto.active;
      if (dto.password !== undefined) patch.passwordHash = await hashPassword(dto.password);
      // A password change or deactivation ends every session at once.
      if (dto.password !== undefined || (dto.active === false && user.active)) {
        patch.tokenVersion = user.tokenVersion + 1;
      }
      if (!(await this.audit.update(manager, actor, User, 'user', user, patch, ['passwordHash']))) return user;
      if (dto.active === false) await releaseContactRole(manager, this.audit, actor, id);
      return manager.findOneByOrFail(User, { id });
    });
  }

  /**
   * The CLI's bootstrap: creates the user, or resets the password of an existing one
   * (and reactivates it), so a locked-out coordinator can always get back in.
   */
  async createOrResetPassword(dto: CreateUserDto): Promise<{ user: User; created: boolean }> {
    const existing = await this.users.findOneBy({ email: dto.email });
    if (!existing) return { user: await this.create(null, dto), created: true };
    return { user: await this.update(null, existing.id, { password: dto.password, active: true }), created: false };
  }

  /** Checks the district or university a role needs; returns its name. */
  private async checkScope(manager: EntityManager, dto: CreateUserDto): Promise<string | null> {
    const problems: FieldProblem[] = [];
    let scopeName: string | null = null;
    if (dto.role === Role.DistrictContact) {
      const district = dto.districtId ? await districtById(manager, dto.districtId) : null;
      if (!dto.districtId) problems.push(problem(UsersErrors.scope_required, 'districtId', { role: dto.role }));
      else if (!district) problems.push(problem(CommonErrors.no_such_district, 'districtId', {}));
      scopeName = district?.name ?? null;
    } else if (dto.districtId) {
      problems.push(problem(UsersErrors.scope_not_allowed, 'districtId', { role: dto.role, scope: 'district' }));
    }
    if (dto.role === Role.UniversityCoordinator) {
      const university = dto.universityId ? await universityById(manager, dto.universityId) : null;
      if (!dto.universityId) problems.push(problem(UsersErrors.scope_required, 'universityId', { role: dto.role }));
      else if (!university) problems.push(problem(CommonErrors.no_such_university, 'universityId', {}));
      scopeName = university?.name ?? null;
    } else if (dto.universityId) {
      problems.push(problem(UsersErrors.scope_not_allowed, 'universityId', { role: dto.role, scope: 'university' }));
    }
    if (problems.length) throw AppError.invalid(problems);
    return scopeName;
  }
}
