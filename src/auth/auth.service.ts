import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import type { User } from '../users/entities/user.entity';
import { hashPassword, verifyPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import { LoginThrottleService } from './login-throttle.service';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The user's tokenVersion when the token was issued. */
  ver: number;
}

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class AuthService {
  // Verified against when the e-mail is unknown, so both failures take the same time.
  private readonly decoyHash = hashPassword('decoy-password-never-matches');

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: User }> {
    const attempt = await this.throttle.admit(email, ip);
    const user = await this.users.findForSignIn(email);
    const matches = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !user.active || !matches) {
      throw AppError.of(AuthErrors.invalid_credentials);
    }
    await this.throttle.succeeded(attempt);
    const full = await this.users.get(user.id);
    const claims: AccessTokenClaims = { sub: full.id, role: full.role, ver: full.tokenVersion };
    return { accessToken: await this.jwt.signAsync(claims), user: full };
  }

  get tokenLifetimeSeconds(): number {
    return this.config.env.JWT_TTL_SECONDS;
  }

  /** The actor behind a bearer token, or null when the token or its user is no longer good. */
  async actorFor(token: string): Promise<Actor | null> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: [JWT_ALGORITHM] });
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(claims.sub)) return null;
    const user = await this.users.find(claims.sub);
    if (!user || !user.active || user.tokenVersion !== claims.ver) return null;
    return { id: user.id, role: user.role, districtId: user.districtId, universityId: user.universityId };
  }
}
