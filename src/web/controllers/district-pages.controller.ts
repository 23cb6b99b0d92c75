import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AssignmentsService } from '../../assignments/assignments.service';
import { GuardedRequest } from '../../auth/access.guard';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { IdParam } from '../../common/http/id-param';
import { Clock } from '../../common/time/clock';
import { DistrictsService } from '../../districts/districts.service';
import { CreateOfferDto, UpdateOfferDto } from '../../offers/dto/offer.dto';
import { OfferResponse } from '../../offers/dto/offer.response';
import { OffersErrors } from '../../offers/offers.errors';
import { OffersService } from '../../offers/offers.service';
import { CreateSupervisorDto, SupervisorResponse, UpdateSupervisorDto } from '../../supervisors/dto/supervisor.dto';
import { SupervisorsErrors } from '../../supervisors/supervisors.errors';
import { SupervisorsService } from '../../supervisors/supervisors.service';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { FormFlow, Refused } from '../form-flow';
import { formValue } from '../forms';
import { chooseTerm } from '../term-choice';
import { CONFIRM } from '../texts';
import {
  offerInput,
  offerPage,
  offersPage,
  offerValues,
  placedPage,
  supervisorInput,
  supervisorPage,
  supervisorsPage,
} from '../view-models/district';
import { LIST_PAGE, offsetFrom } from '../view-models/pager';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

/** A conflict that concerns one field is said beside it: a taken e-mail, a unit that already has the field. */
const SUPERVISOR_CONFLICTS = { [SupervisorsErrors.supervisor_email_taken.code]: 'email' };
const OFFER_CONFLICTS = { [OffersErrors.duplicate_offer.code]: 'unitName' };

const offersOf = (code: string) => `/platser?termin=${encodeURIComponent(code)}`;

/** The district contact's pages: their district's supervisors, offers and placed students. */
@WebController()
@Roles(Role.DistrictContact)
export class DistrictPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly form: FormFlow,
    private readonly clock: Clock,
    private readonly districts: DistrictsService,
    private readonly universities: UniversitiesService,
    private readonly terms: TermsService,
    private readonly supervisors: SupervisorsService,
    private readonly offers: OffersService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('handledare')
  supervisorList(@Req() request: GuardedRequest): Promise<string> {
    return this.supervisorsView(request);
  }

  @Post('handledare')
  addSupervisor(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    return this.form.submit(request, response, {
      dto: CreateSupervisorDto,
      input: (body) => ({ districtId: actor.districtId, ...supervisorInput(body) }),
      call: (dto) => this.supervisors.create(actor, dto),
      conflictField: SUPERVISOR_CONFLICTS,
      done: (supervisor) => ({ redirect: '/handledare', confirmation: CONFIRM.supervisorAdded(supervisor) }),
      page: (refused) => this.supervisorsView(request, refused),
    });
  }

  @Get('handledare/:id')
  async supervisorForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    return this.view.page(
      request,
      'district/supervisor',
      supervisorPage(SupervisorResponse.of(await this.supervisors.get(request.actor!, id))),
    );
  }

  @Post('handledare/:id')
  async saveSupervisor(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const actor = request.actor!;
    const supervisor = SupervisorResponse.of(await this.supervisors.get(actor, id));
    return this.form.submit(request, response, {
      dto: UpdateSupervisorDto,
      input: (body) => ({ ...supervisorInput(body), active: formValue.bool(body.active) }),
      call: (dto) => this.supervisors.update(actor, id, dto),
      conflictField: SUPERVISOR_CONFLICTS,
      done: (saved) => ({ redirect: '/handledare', confirmation: CONFIRM.supervisorSaved(saved) }),
      page: (refused) => this.view.page(request, 'district/supervisor', supervisorPage(supervisor, refused)),
    });
  }

  @Get('platser')
  offerList(@Req() request: GuardedRequest): Promise<string> {
    return this.offersView(request, request.query.termin);
  }

  @Post('platser')
  addOffer(@Req() request: GuardedRequest, @Res() response: Response, @Body('termin') termin: unknown): Promise<void> {
    const actor = request.actor!;
    const code = formValue.text(termin) ?? '';
    return this.form.submit(request, response, {
      dto: CreateOfferDto,
      input: (body) => ({ districtId: actor.districtId, ...offerInput(body) }),
      call: (dto) => this.offers.create(actor, code, dto),
      conflictField: OFFER_CONFLICTS,
      values: offerValues,
      done: (offer) => ({
        redirect: offersOf(code),
        confirmation: CONFIRM.offerAdded(offer, OfferResponse.of(offer).warnings.length > 0),
      }),
      page: (refused) => this.offersView(request, code, refused),
    });
  }

  @Get('platser/:id')
  async offerForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    return this.offerView(request, OfferResponse.of(await this.offers.get(request.actor!, id)));
  }

  @Post('platser/:id')
  async saveOffer(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const offer = OfferResponse.of(await this.offers.get(actor, id));
    return this.form.submit(request, response, {
      dto: UpdateOfferDto,
      input: offerInput,
      call: (dto) => this.offers.update(actor, id, dto),
      conflictField: OFFER_CONFLICTS,
      values: offerValues,
      done: async (saved) => ({
        redirect: offersOf((await this.terms.getById(offer.termId)).code),
        confirmation: CONFIRM.offerSaved(saved, OfferResponse.of(saved).warnings.length > 0),
      }),
      page: (refused) => this.offerView(request, offer, refused),
    });
  }

  @Post('platser/:id/ta-bort')
  async removeOffer(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const offer = await this.offers.get(actor, id);
    const { code } = await this.terms.getById(offer.termId);
    return this.form.submit(request, response, {
      call: () => this.offers.remove(actor, id),
      errorFor: `remove:${id}`,
      done: () => ({ redirect: offersOf(code), confirmation: CONFIRM.offerRemoved(offer) }),
      page: (refused) => this.offersView(request, code, refused),
    });
  }

  @Get('placerade')
  async placed(@Req() request: GuardedRequest): Promise<string> {
    const actor = request.actor!;
    const terms = await this.terms.list();
    const term = chooseTerm(terms, request.query.termin);
    const [district, universities, assignments] = await Promise.all([
      this.districts.get(actor.districtId!),
      this.universities.list(),
      term ? this.assignments.list(actor, term.code).then((page) => page.rows) : Promise.resolve([]),
    ]);
    return this.view.page(request, 'district/placed', placedPage({ district, terms, term, assignments, universities }));
  }

  private async supervisorsView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const offset = offsetFrom(request.query.offset);
    const [district, { rows: supervisors, total }] = await Promise.all([
      this.districts.get(actor.districtId!),
      this.supervisors.list(actor, { limit: LIST_PAGE, offset }),
    ]);
    return this.view.page(
      request,
      'district/supervisors',
      supervisorsPage(
        { district, supervisors: supervisors.map(SupervisorResponse.of), listed: { offset, total } },
        refused,
      ),
    );
  }

  private async offersView(request: GuardedRequest, code: unknown, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const terms = await this.terms.list();
    const term = chooseTerm(terms, code);
    const offset = offsetFrom(request.query.offset);
    // Every supervisor: the form to add an offer names any of them.
    const [district, { rows: supervisors }, offers] = await Promise.all([
      this.districts.get(actor.districtId!),
      this.supervisors.list(actor, {}),
      term ? this.offers.list(actor, term.code, { limit: LIST_PAGE, offset }) : Promise.resolve({ rows: [], total: 0 }),
    ]);
    const data = {
      district,
      terms,
      term,
      offers: offers.rows.map(OfferResponse.of),
      listed: { offset, total: offers.total },
      supervisors: supervisors.map(SupervisorResponse.of),
      now: this.clock.now(),
    };
    return this.view.page(request, 'district/offers', offersPage(data, refused));
  }

  private async offerView(request: GuardedRequest, offer: OfferResponse, refused?: Refused): Promise<string> {
    const [term, { rows: supervisors }] = await Promise.all([
      this.terms.getById(offer.termId),
      this.supervisors.list(request.actor!, {}),
    ]);
    return this.view.page(
      request,
      'district/offer',
      offerPage({ offer, term, supervisors: supervisors.map(SupervisorResponse.of), now: this.clock.now() }, refused),
    );
  }
}
