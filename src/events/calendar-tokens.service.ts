import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { CalendarToken } from './entities/calendar-token.entity';
import { EventsService } from './events.service';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Each user's secret, revocable feed address: GET /api/calendar/{token}.ics. */
@Injectable()
export class CalendarTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The user's feed address, made on first use. */
  async url(actor: Actor): Promise<string> {
    const existing = await this.dataSource.manager.findOneBy(CalendarToken, { userId: actor.id });
    return this.urlOf(existing?.token ?? (await this.rotate(actor, false)));
  }

  /** A new address; the old one stops working at once. */
  async rotateUrl(actor: Actor): Promise<string> {
    return this.urlOf(await this.rotate(actor, true));
  }

  /** The feed behind a token; 404 for a token that is unknown, revoked, or of an inactive user. */
  async feed(token: string): Promise<string> {
    const row = TOKEN.test(token)
      ? await this.dataSource.manager.findOne(CalendarToken, { where: { token }, relations: { user: true } })
      : null;
    const user = row?.user;
    if (!user || !user.active) throw AppError.notFound('calendar');
    return this.events.feed(user);
  }

  private async rotate(actor: Actor, audited: boolean): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(CalendarToken, { userId: actor.id, token }, ['userId']);
      if (audited)
        await this.audit.record(manager, actor, {
          action: 'calendar_token.rotated',
          entityType: 'user',
          entityId: actor.id,
        });
    });
    return token;
  }

  private urlOf(token: string): string {
    return `${this.config.publicUrl}/api/calendar/${token}.ics`;
  }
}
