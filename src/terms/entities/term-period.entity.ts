import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { University } from '../../universities/entities/university.entity';
import { Term } from './term.entity';

/** One university's VFU period within a term. */
@Entity('term_periods')
@Check('term_period_order', `ends_on > starts_on`)
export class TermPeriod {
  @PrimaryColumn({ type: 'uuid' })
  termId: string;

  @PrimaryColumn({ type: 'uuid' })
  universityId: string;

  @ManyToOne(() => Term, (term) => term.periods, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;
}
