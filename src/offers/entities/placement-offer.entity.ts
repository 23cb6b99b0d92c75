import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { District } from '../../districts/entities/district.entity';
import { Field } from '../../fields/fields';
import { Supervisor } from '../../supervisors/entities/supervisor.entity';
import { Term } from '../../terms/entities/term.entity';

/** Places a district's unit offers in one field for one term, with the supervisors named for them. */
@Entity('placement_offers')
@Index(['termId', 'districtId', 'unitName', 'field'], { unique: true })
@Check('offer_places', `places BETWEEN 1 AND 20`)
export class PlacementOffer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  termId: string;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Column({ type: 'text' })
  unitName: string;

  @Column({ type: 'text' })
  field: Field;

  @Column({ type: 'integer' })
  places: number;

  @ManyToMany(() => Supervisor)
  @JoinTable({
    name: 'offer_supervisors',
    joinColumn: { name: 'offer_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'supervisor_id', referencedColumnName: 'id' },
  })
  supervisors?: Relation<Supervisor>[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
