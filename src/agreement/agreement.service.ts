import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { problem } from '../common/errors/error-spec';
import { Clock } from '../common/time/clock';
import { stockholmDate, swedishDate } from '../common/time/stockholm';
import { OutboxService } from '../notifications/outbox.service';
import type { User } from '../users/entities/user.entity';
import { activeUsersWithRoles } from '../users/users.queries';
import { AgreementErrors } from './agreement.errors';
import { AgreementResponse, NoticeDto, ProposeRevisionDto, VersionResponse } from './dto/agreement.dto';
import {
  AgreementApproval,
  AgreementParty,
  AgreementVersion,
  PartyKind,
  VersionStatus,
} from './entities/agreement.entity';
import { earliestLeavingDate, NOTICE_MONTHS, remainsOn } from './notice';

/**
 * The letter of intent: its text and versions, its parties, revisions that take effect only
 * when every remaining party has approved them, and notice to leave (at least six months).
 */
@Injectable()
export class AgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<AgreementResponse> {
    const manager = this.dataSource.manager;
    const today = this.today();
    const parties = await manager.find(AgreementParty, { order: { kind: 'ASC', name: 'ASC' } });
    const versions = await manager.find(AgreementVersion, { order: { version: 'DESC' } });
    const approvals = await manager.find(AgreementApproval);
    const view = (v: AgreementVersion): VersionResponse => {
      const approved = new Set(approvals.filter((a) => a.versionId === v.id).map((a) => a.partyId));
      return {
        version: v.version,
        status: v.status,
        summary: v.summary,
        text: v.text,
        createdAt: v.createdAt,
        effectiveAt: v.effectiveAt,
        approvedBy: parties.filter((p) => approved.has(p.id)).map((p) => p.name),
        awaiting:
          v.status === VersionStatus.Proposed
            ? parties.filter((p) => remainsOn(p, today) && !approved.has(p.id)).map((p) => p.name)
            : [],
      };
    };
    const current = versions.find((v) => v.status === VersionStatus.InForce)!;
    const proposed = versions.find((v) => v.status === VersionStatus.Proposed);
    return {
      current: view(current),
      proposed: proposed ? view(proposed) : null,
      parties: parties.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        universityId: p.universityId,
        noticeGivenOn: p.noticeGivenOn,
        leavesOn: p.leavesOn,
        remains: remainsOn(p, today),
      })),
      history: versions.map(view),
    };
  }

  /** Any remaining party may propose a revision; proposing it counts as that party's approval. */
  async propose(actor: Actor, dto: ProposeRevisionDto): Promise<AgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const party = await this.partyOf(manager, actor);
      if (await manager.existsBy(AgreementVersion, { status: VersionStatus.Proposed })) {
        throw AppError.of(AgreementErrors.revision_pending);
      }
      const { max } = (await manager
        .createQueryBuilder(AgreementVersion, 'v')
        .select('MAX(v.version)', 'max')
        .getRawOne<{ max: number }>())!;
      const version = manager.create(AgreementVersion, {
        version: Number(max) + 1,
        text: dto.text,
        summary: dto.summary ?? null,
        status: VersionStatus.Proposed,
        proposedBy: actor.id,
        proposedByParty: party.id,
      });
      await manager.insert(AgreementVersion, version);
      await this.audit.record(manager, actor, {
        action: 'agreement.revision_proposed',
        entityType: 'agreement_version',
        entityId: version.id,
        changes: { version: { to: version.version } },
      });
      await this.approveAs(manager, actor, party, version);
    });
    return this.get();
  }

  async approve(actor: Actor, versionNumber: number): Promise<AgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const party = await this.partyOf(manager, actor);
      const version = await manager.findOneBy(AgreementVersion, { version: versionNumber });
      if (!version) throw AppError.notFound('agreement_version', String(versionNumber));
      if (version.status !== VersionStatus.Proposed)
        throw AppError.of(AgreementErrors.revision_not_proposed, { version: versionNumber, status: version.status });
      await this.approveAs(manager, actor, party, version);
    });
    return this.get();
  }

  /** The proposing party or the coordinator withdraws a proposal. */
  async withdraw(actor: Actor, versionNumber: number): Promise<AgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const party = await this.partyOf(manager, actor);
      const version = await manager.findOneBy(AgreementVersion, {
        version: versionNumber,
        status: VersionStatus.Proposed,
      });
      if (!version) throw AppError.of(AgreementErrors.revision_not_proposed, { version: versionNumber });
      if (actor.role !== Role.Coordinator && version.proposedByParty !== party.id)
        throw AppError.of(AgreementErrors.revision_withdrawal_not_allowed, { version: versionNumber });
      await this.audit.update(manager, actor, AgreementVersion, 'agreement_version', version, {
        status: VersionStatus.Withdrawn,
      });
    });
    return this.get();
  }

  /** Notice must reach the others at least six months before the party leaves (400 otherwise). */
  async giveNotice(actor: Actor, dto: NoticeDto): Promise<AgreementResponse> {
    await this.outbox.transaction(async (manager, send) => {
      await this.lock(manager);
      const party = await this.partyOf(manager, actor);
      if (party.leavesOn)
        throw AppError.of(AgreementErrors.notice_given, { partyName: party.name, leavesOn: party.leavesOn });
      const today = this.today();
      const earliest = earliestLeavingDate(today);
      if (dto.leavesOn < earliest) {
        throw AppError.invalid([
          problem(AgreementErrors.notice_too_short, 'leavesOn', { months: NOTICE_MONTHS, today, earliest }),
        ]);
      }
      await this.audit.update(manager, actor, AgreementParty, 'agreement_party', party, {
        noticeGivenOn: today,
        leavesOn: dto.leavesOn,
        noticeGivenBy: actor.id,
      });
      for (const person of await this.peopleOfOtherParties(manager, party)) {
        await send({
          to: person.email,
          recipientUserId: person.id,
          template: 'agreement-notice',
          idempotencyKey: `agreement-notice-${party.id}-${dto.leavesOn}-${person.id}`,
          data: { name: person.name, partyName: party.name, leavesOn: swedishDate(dto.leavesOn) },
        });
      }
    });
    return this.get();
  }

  /** A party that has not yet left may take its notice back. */
  async withdrawNotice(actor: Actor): Promise<AgreementResponse> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager);
      const party = await this.partyOf(manager, actor);
      if (!party.leavesOn) throw AppError.of(AgreementErrors.not_a_party, { partyName: party.name });
      await this.audit.update(manager, actor, AgreementParty, 'agreement_party', party, {
        noticeGivenOn: null,
        leavesOn: null,
        noticeGivenBy: null,
      });
    });
    return this.get();
  }

  private async approveAs(
    manager: EntityManager,
    actor: Actor,
    party: AgreementParty,
    version: AgreementVersion,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AgreementApproval)
      .values({ versionId: version.id, partyId: party.id, approvedBy: actor.id })
      .orIgnore()
      .execute();
    await this.audit.record(manager, actor, {
      action: 'agreement.revision_approved',
      entityType: 'agreement_version',
      entityId: version.id,
      changes: { party: { to: party.id } },
    });
    const today = this.today();
    const remaining = (await manager.find(AgreementParty)).filter((p) => remainsOn(p, today));
    const approved = new Set(
      (await manager.findBy(AgreementApproval, { versionId: version.id })).map((a) => a.partyId),
    );
    if (!remaining.every((p) => approved.has(p.id))) return;
    // Every remaining party has approved: the revision takes effect now.
    await manager.update(
      AgreementVersion,
      { status: VersionStatus.InForce, id: Not(version.id) },
      { status: VersionStatus.Superseded },
    );
    await manager.update(
      AgreementVersion,
      { id: version.id },
      { status: VersionStatus.InForce, effectiveAt: this.clock.now() },
    );
    await this.audit.record(manager, actor, {
      action: 'agreement.revision_in_force',
      entityType: 'agreement_version',
      entityId: version.id,
      changes: { version: { to: version.version } },
    });
  }

  /** The party the actor acts for: the city for the coordinator, a university for its coordinator. */
  private async partyOf(manager: EntityManager, actor: Actor): Promise<AgreementParty> {
    const party =
      actor.role === Role.Coordinator
        ? await manager.findOneBy(AgreementParty, { kind: PartyKind.City })
        : actor.role === Role.UniversityCoordinator
          ? await manager.findOneBy(AgreementParty, { universityId: actor.universityId! })
          : null;
    if (!party) throw AppError.of(AgreementErrors.agreement_parties_only);
    if (!remainsOn(party, this.today()))
      throw AppError.of(AgreementErrors.party_left_agreement, { partyName: party.name, leftOn: party.leavesOn! });
    return party;
  }

  private async peopleOfOtherParties(manager: EntityManager, party: AgreementParty): Promise<User[]> {
    const others = (await manager.find(AgreementParty)).filter((p) => p.id !== party.id && remainsOn(p, this.today()));
    const universities = others.filter((p) => p.kind === PartyKind.University).map((p) => p.universityId!);
    const people = await activeUsersWithRoles(manager, [Role.Coordinator, Role.UniversityCoordinator]);
    return people.filter((u) =>
      u.role === Role.Coordinator
        ? others.some((p) => p.kind === PartyKind.City)
        : universities.includes(u.universityId!),
    );
  }

  /** Agreement changes are rare: one at a time keeps approvals and notices consistent. */
  private async lock(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('agreement'))`);
  }

  private today(): string {
    return stockholmDate(this.clock.now());
  }
}
