import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AgreementModule } from '../agreement/agreement.module';
import { AllocationModule } from '../allocation/allocation.module';
import { AssignmentsModule } from '../assignments/assignments.module';
import { AuthModule } from '../auth/auth.module';
import { BalanceModule } from '../balance/balance.module';
import { DemandModule } from '../demand/demand.module';
import { DistrictsModule } from '../districts/districts.module';
import { EventsModule } from '../events/events.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffersModule } from '../offers/offers.module';
import { RemindersModule } from '../reminders/reminders.module';
import { ReportsModule } from '../reports/reports.module';
import { StudentRequestsModule } from '../student-requests/student-requests.module';
import { StudentsModule } from '../students/students.module';
import { SupervisorsModule } from '../supervisors/supervisors.module';
import { TermsModule } from '../terms/terms.module';
import { TrainingReportsModule } from '../training-reports/training-reports.module';
import { UniversitiesModule } from '../universities/universities.module';
import { UsersModule } from '../users/users.module';
import { CoordinatorAdminPagesController } from './controllers/coordinator-admin-pages.controller';
import { CoordinatorPagesController } from './controllers/coordinator-pages.controller';
import { DistrictPagesController } from './controllers/district-pages.controller';
import { HomeController } from './controllers/home.controller';
import { RequestsPagesController } from './controllers/requests-pages.controller';
import { SignInController } from './controllers/sign-in.controller';
import { UniversityPagesController } from './controllers/university-pages.controller';
import { ConfirmationInterceptor } from './confirmation.interceptor';
import { CsvUploadMiddleware } from './csv-upload.middleware';
import { FormFlow } from './form-flow';
import { ViewService } from './view.service';
import { ByAddressFilter } from './by-address.filter';
import { WebExceptionFilter } from './web-exception.filter';

/** Every controller of browser pages; their routes are kept out of the `/api` prefix. */
export const WEB_CONTROLLERS = [
  SignInController,
  HomeController,
  DistrictPagesController,
  UniversityPagesController,
  CoordinatorPagesController,
  CoordinatorAdminPagesController,
  RequestsPagesController,
];

/**
 * The web interface for the three roles: server-rendered pages in Swedish on the same services
 * (and so the same rules and scopes) as the JSON API.
 */
@Module({})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsvUploadMiddleware).forRoutes({ path: 'studenter/import', method: RequestMethod.POST });
  }

  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: WebModule,
      imports: [
        AuthModule,
        UsersModule,
        DistrictsModule,
        UniversitiesModule,
        TermsModule,
        SupervisorsModule,
        OffersModule,
        DemandModule,
        BalanceModule,
        StudentsModule,
        AssignmentsModule,
        TrainingReportsModule,
        StudentRequestsModule,
        AgreementModule,
        ReportsModule,
        AllocationModule.forRoot(options),
        EventsModule.forRoot(options),
        RemindersModule.forRoot(options),
        NotificationsModule.forRoot(options),
      ],
      controllers: WEB_CONTROLLERS,
      providers: [
        ViewService,
        FormFlow,
        WebExceptionFilter,
        ConfirmationInterceptor,
        { provide: APP_FILTER, useClass: ByAddressFilter },
      ],
    };
  }
}
