import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Public } from '../common/auth/decorators';
import { Actor } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { UserResponse } from '../users/dto/user.response';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginResponse } from './dto/login.response';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Signs in with e-mail and password; the answer carries the bearer token for every other call. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiRefusals({
    401: 'Unknown e-mail or wrong password (same answer for both)',
    429: 'Too many failed sign-ins; `Retry-After` says when to try again',
  })
  async login(@Body() dto: LoginDto, @Req() request: Request): Promise<LoginResponse> {
    const { accessToken, user } = await this.auth.login(dto.email, dto.password, request.ip ?? 'unknown');
    return { accessToken, expiresIn: this.auth.tokenLifetimeSeconds, user: UserResponse.of(user) };
  }

  /** The signed-in user. */
  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return UserResponse.of(await this.users.get(actor.id));
  }
}
