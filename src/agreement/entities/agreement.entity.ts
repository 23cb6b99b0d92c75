import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { University } from '../../universities/entities/university.entity';

export enum PartyKind {
  City = 'city',
  University = 'university',
}

/** A party to the letter of intent: Stockholm city, or one of the universities. */
@Entity('agreement_parties')
@Check(
  'agreement_party_kind',
  `(kind = 'city' AND university_id IS NULL) OR (kind = 'university' AND university_id IS NOT NULL)`,
)
export class AgreementParty {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: PartyKind;

  @Column({ type: 'uuid', nullable: true, unique: true })
  universityId: string | null;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  @Column({ type: 'text' })
  name: string;

  /** The day notice to leave was given, and the day the party leaves (at least six months on). */
  @Column({ type: 'date', nullable: true })
  noticeGivenOn: string | null;

  @Column({ type: 'date', nullable: true })
  leavesOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  noticeGivenBy: string | null;
}

export enum VersionStatus {
  Proposed = 'proposed',
  InForce = 'in_force',
  Superseded = 'superseded',
  Withdrawn = 'withdrawn',
}

/** One version of the agreement's text; a proposed revision takes effect when every remaining party approves. */
@Entity('agreement_versions')
@Check('agreement_version_status', `status IN ('proposed', 'in_force', 'superseded', 'withdrawn')`)
export class AgreementVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer', unique: true })
  version: number;

  @Column({ type: 'text' })
  text: string;

  /** What the revision changes, in a sentence or two. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text' })
  status: VersionStatus;

  @Column({ type: 'uuid', nullable: true })
  proposedBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  proposedByParty: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  effectiveAt: Date | null;
}

/** A party's approval of a proposed version. */
@Entity('agreement_approvals')
export class AgreementApproval {
  @PrimaryColumn({ type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => AgreementVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  versionRow?: Relation<AgreementVersion>;

  @ManyToOne(() => AgreementParty, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id' })
  party?: Relation<AgreementParty>;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  approvedAt: Date;
}
