import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService, JWT_ALGORITHM } from './auth.service';
import { LoginAttempt } from './entities/login-attempt.entity';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions/sessions.service';
import { WebSession } from './sessions/web-session.entity';

@Module({
  imports: [
    UsersModule,
    TypeOrmModule.forFeature([LoginAttempt, WebSession]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.env.JWT_TTL_SECONDS },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, SessionsService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, SessionsService, LoginThrottleService],
})
export class AuthModule {}
