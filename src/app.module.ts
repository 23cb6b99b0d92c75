import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AgreementModule } from './agreement/agreement.module';
import { AllocationModule } from './allocation/allocation.module';
import { AssignmentsModule } from './assignments/assignments.module';
import { AuthModule } from './auth/auth.module';
import { BalanceModule } from './balance/balance.module';
import { ClockModule } from './common/time/clock';
import { DemandModule } from './demand/demand.module';
import { OffersModule } from './offers/offers.module';
import { RemindersModule } from './reminders/reminders.module';
import { PrivacyModule } from './privacy/privacy.module';
import { ReportsModule } from './reports/reports.module';
import { StudentRequestsModule } from './student-requests/student-requests.module';
import { StudentsModule } from './students/students.module';
import { TrainingReportsModule } from './training-reports/training-reports.module';
import { SupervisorsModule } from './supervisors/supervisors.module';
import { TermsModule } from './terms/terms.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { loggerOptions } from './common/http/logging';
import { RequestContextMiddleware } from './common/http/request-context.middleware';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ReadCacheModule } from './database/read-cache';
import { dataSourceOptions } from './database/data-source';
import { DistrictsModule } from './districts/districts.module';
import { EventsModule } from './events/events.module';
import { FieldsModule } from './fields/fields.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SystemModule } from './system/system.module';
import { UniversitiesModule } from './universities/universities.module';
import { UsersModule } from './users/users.module';
import { WebModule } from './web/web.module';

/** `api` serves HTTP, `worker` runs jobs, `all` (the default) does both in one process. */
export type ProcessRole = 'api' | 'worker' | 'all';

@Module({})
export class AppModule implements NestModule {
  static forRole(config: AppConfig, role: ProcessRole): DynamicModule {
    const worker = role !== 'api';
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), autoLoadEntities: false }),
        ReadCacheModule,
        JobsModule.forRoot({ worker }),
        AuditModule,
        NotificationsModule.forRoot({ worker }),
        AuthModule,
        UsersModule,
        DistrictsModule,
        UniversitiesModule,
        FieldsModule,
        HealthModule,
        SystemModule.forRoot({ worker }),
        TermsModule,
        SupervisorsModule,
        OffersModule,
        DemandModule,
        BalanceModule,
        RemindersModule.forRoot({ worker }),
        StudentsModule,
        AssignmentsModule,
        AllocationModule.forRoot({ worker }),
        EventsModule.forRoot({ worker }),
        TrainingReportsModule,
        StudentRequestsModule,
        AgreementModule,
        ReportsModule,
        PrivacyModule.forRoot({ worker }),
        WebModule.forRoot({ worker }),
      ],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*splat');
  }
}
