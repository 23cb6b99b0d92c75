import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { hashToken } from '../common/auth/token-hash';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { CalendarToken } from './entities/calendar-token.entity';
import { EventsService } from './events.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The user's feed address, and when it was made; `url` is null for one that cannot be shown. */
export interface CalendarAddress {
  url: string | null;
  createdAt: Date;
}

/**
 * Each user's secret, revocable feed address: GET /api/calendar/{token}.ics. The token is an
 * HMAC of the user and a random nonce under a key derived from the server secret, so it can be
 * shown again, while the table keeps only the nonce and the token's SHA-256 (for the lookup):
 * the database alone gives no address away.
 */
@Injectable()
export class CalendarTokensService {
  private derivedKey?: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The user's feed address, made on first use. `url` is null for an address that cannot be
   * derived: one made before tokens were derived (kept as a hash of a random token) or under
   * another server secret. It keeps working until the user rotates it.
   */
  async address(actor: Actor): Promise<CalendarAddress> {
    const existing = await this.dataSource.manager.findOneBy(CalendarToken, { userId: actor.id });
    if (existing) return this.addressOf(existing);
    const nonce = newNonce();
    // Two first uses at once: one row wins, and both answer with it.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CalendarToken)
      .values({
        userId: actor.id,
        nonce,
        tokenHash: hashToken(this.tokenOf(actor.id, nonce)),
        createdAt: this.clock.now(),
      })
      .orIgnore()
      .execute();
    return this.addressOf(await this.dataSource.manager.findOneByOrFail(CalendarToken, { userId: actor.id }));
  }

  /** A new feed address; the old one stops working at once (`replaced`: there was one). */
  async rotate(actor: Actor): Promise<{ url: string; createdAt: Date; replaced: boolean }> {
    const nonce = newNonce();
    const token = this.tokenOf(actor.id, nonce);
    const createdAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const replaced = await manager.existsBy(CalendarToken, { userId: actor.id });
      await manager.upsert(CalendarToken, { userId: actor.id, nonce, tokenHash: hashToken(token), createdAt }, [
        'userId',
      ]);
      if (replaced)
        await this.audit.record(manager, actor, {
          action: 'calendar_token.rotated',
          entityType: 'user',
          entityId: actor.id,
        });
      return { url: this.urlOf(token), createdAt, replaced };
    });
  }

  /** The feed behind a token; 404 for a token that is unknown, revoked, or of an inactive user. */
  async feed(token: string): Promise<string> {
    const row = TOKEN.test(token)
      ? await this.dataSource.manager.findOne(CalendarToken, {
          where: { tokenHash: hashToken(token) },
          relations: { user: true },
        })
      : null;
    const user = row?.user;
    if (!user || !user.active) throw AppError.notFound('calendar');
    return this.events.feed(user);
  }

  private addressOf(row: CalendarToken): CalendarAddress {
    const token = row.nonce === null ? null : this.tokenOf(row.userId, row.nonce);
    return {
      url: token !== null && hashToken(token) === row.tokenHash ? this.urlOf(token) : null,
      createdAt: row.createdAt,
    };
  }

  /** base64url(HMAC-SHA256(key, "userId:nonce")): 43 characters, as TOKEN wants. */
  private tokenOf(userId: string, nonce: string): string {
    return createHmac('sha256', this.key()).update(`${userId}:${nonce}`).digest('base64url');
  }

  private key(): Buffer {
    this.derivedKey ??= Buffer.from(hkdfSync('sha256', this.config.jwtSecret, '', 'vfu calendar feed', 32));
    return this.derivedKey;
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }
}

const newNonce = (): string => randomBytes(16).toString('base64url');
