import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * A browser sign-in. The cookie holds a random token; only its SHA-256 is stored, so the table
 * cannot be used to sign in. Each session has its own CSRF token for the forms.
 */
@Entity('web_sessions')
@Index(['userId'])
export class WebSession {
  /** SHA-256 of the cookie's token, hex. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  csrfToken: string;

  /** The user's tokenVersion at sign-in: deactivation or a new password ends the session. */
  @Column({ type: 'integer' })
  tokenVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** What the last form did, in words, for the next page to show once. */
  @Column({ type: 'text', nullable: true })
  flash: string | null;
}
