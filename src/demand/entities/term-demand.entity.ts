import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Term } from '../../terms/entities/term.entity';
import { University } from '../../universities/entities/university.entity';

/** How many term-five students a university needs places for in a term. */
@Entity('term_demands')
@Check('demand_places', `requested_places BETWEEN 0 AND 1000`)
export class TermDemand {
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
  requestedPlaces: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
