import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Field } from '../../fields/fields';
import { Term } from '../../terms/entities/term.entity';
import { University } from '../../universities/entities/university.entity';

/**
 * A term-five student to be placed. Only what placement needs is kept: no personal identity
 * number, and the university's own reference instead.
 */
@Entity('students')
@Index(['termId', 'universityId', 'studentRef'], { unique: true })
export class Student {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  termId: string;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @Column({ type: 'uuid' })
  universityId: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  /** The university's reference for the student, unique per university and term. */
  @Column({ type: 'text' })
  studentRef: string;

  /** 1–3 distinct fields, most wanted first. */
  @Column({ type: 'text', array: true })
  fieldPreferences: Field[];

  /** Up to 3 districts, most wanted first. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  districtPreferences: string[];

  /** Districts the student must not be placed in (e.g. a conflict of interest). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  excludedDistrictIds: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'boolean', default: false })
  needsExtraSupport: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
