import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Term } from '../../terms/entities/term.entity';
import { University } from '../../universities/entities/university.entity';

/** A university's quota set by the coordinator instead of the computed split. */
@Entity('quota_overrides')
@Check('quota_override_range', `quota BETWEEN 0 AND 1000`)
export class QuotaOverride {
  @PrimaryColumn({ type: 'uuid' })
  termId: string;

  @PrimaryColumn({ type: 'uuid' })
  universityId: string;

  @ManyToOne(() => Term, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  @Column({ type: 'integer' })
  quota: number;

  @Column({ type: 'uuid', nullable: true })
  setBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
