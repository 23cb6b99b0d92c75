import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/**
 * A user's secret calendar-feed address. Calendar clients cannot send bearer tokens, so the
 * token in the URL is the credential; rotating it replaces the row and the old URL stops working.
 * The token is never stored: it is derived from the user, the nonce and the server secret
 * (`CalendarTokensService`), and only its SHA-256 is kept, for the lookup (as for sessions).
 */
@Entity('calendar_tokens')
export class CalendarToken {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** SHA-256 of the token, hex. */
  @Column({ type: 'text', unique: true })
  tokenHash: string;

  /**
   * Random, base64url: with the server secret it gives the token back. Null for a token made
   * before tokens were derived (kept in clear, then hashed): that address works but cannot be shown.
   */
  @Column({ type: 'text', nullable: true })
  nonce: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
