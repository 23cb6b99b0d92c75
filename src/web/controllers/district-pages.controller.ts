import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AssignmentsService } from '../../assignments/assignments.service';
import { GuardedRequest } from '../../auth/access.guard';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import { Clock } from '../../common/time/clock';
import { DistrictsService } from '../../districts/districts.service';
import { CreateOfferDto, UpdateOfferDto } from '../../offers/dto/offer.dto';
import { OfferResponse } from '../../offers/dto/offer.response';
import { OffersErrorCode, OffersService } from '../../offers/offers.service';
import { reportingClosed } from '../../offers/reporting-window';
import { CreateSupervisorDto, SupervisorResponse, UpdateSupervisorDto } from '../../supervisors/dto/supervisor.dto';
import { SupervisorsErrorCode, SupervisorsService } from '../../supervisors/supervisors.service';
import { TermResponse } from '../../terms/dto/term.response';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { chooseTerm } from '../term-choice';
import { attempt, formValue, validateForm } from '../forms';
import { FormErrors, ViewService, sendPage } from '../view.service';
import { WebController } from '../web-controller';

type FormBody = Record<string, unknown>;

const SUPERVISOR_LABELS = { name: 'Namn', email: 'E-postadress', trainingStatus: 'Handledarutbildning', capacity: 'Antal studenter åt gången', active: 'Aktiv' };
const OFFER_LABELS = { unitName: 'Enhet', field: 'Verksamhetsområde', places: 'Antal platser', supervisorIds: 'Handledare' };

/** A conflict that concerns one field (a taken e-mail, a duplicate unit) is shown next to that field. */
const onField = (field: string, code: string) => (error: unknown) => {
  if (error instanceof AppError && error.code === code) throw new AppError(error.getStatus(), error.message, code, [{ field, message: error.message }]);
  throw error;
};

/** The district contact's pages: their district's supervisors, offers and placed students. */
@WebController()
@Roles(Role.DistrictContact)
export class DistrictPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly clock: Clock,
    private readonly districts: DistrictsService,
    private readonly universities: UniversitiesService,
    private readonly terms: TermsService,
    private readonly supervisors: SupervisorsService,
    private readonly offers: OffersService,
    private readonly assignments: AssignmentsService,
  ) {}

  @Get('handledare')
  async supervisorList(@Req() request: GuardedRequest): Promise<string> {
    return this.supervisorListPage(request, {});
  }

  @Post('handledare')
  async addSupervisor(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: FormBody): Promise<void> {
    const actor = request.actor!;
    const values = { name: body.name, email: body.email, trainingStatus: body.trainingStatus, capacity: body.capacity };
    const input = {
      districtId: actor.districtId,
      name: formValue.text(body.name),
      email: formValue.text(body.email),
      trainingStatus: formValue.optionalText(body.trainingStatus),
      capacity: formValue.int(body.capacity),
    };
    const form = await validateForm(CreateSupervisorDto, input);
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.supervisors.create(actor, form.dto).catch(onField('email', SupervisorsErrorCode.EmailTaken)));
    if ('errors' in result) {
      sendPage(response, result.status, await this.supervisorListPage(request, { errors: result.errors, values }));
      return;
    }
    response.redirect(303, '/handledare?klart=skapat');
  }

  @Get('handledare/:id')
  async supervisorForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    const supervisor = await this.supervisors.get(request.actor!, id);
    const { name, email, trainingStatus, capacity, active } = supervisor;
    return this.supervisorEditPage(request, SupervisorResponse.of(supervisor), { values: { name, email, trainingStatus, capacity, active } });
  }

  @Post('handledare/:id')
  async saveSupervisor(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: FormBody): Promise<void> {
    const actor = request.actor!;
    const supervisor = await this.supervisors.get(actor, id);
    const input = {
      name: formValue.text(body.name),
      email: formValue.text(body.email),
      trainingStatus: formValue.optionalText(body.trainingStatus),
      capacity: formValue.int(body.capacity),
      active: formValue.bool(body.active),
    };
    const form = await validateForm(UpdateSupervisorDto, input);
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.supervisors.update(actor, id, form.dto).catch(onField('email', SupervisorsErrorCode.EmailTaken)));
    if ('errors' in result) {
      const values = { name: body.name, email: body.email, trainingStatus: body.trainingStatus, capacity: body.capacity, active: input.active };
      sendPage(response, result.status, this.supervisorEditPage(request, SupervisorResponse.of(supervisor), { errors: result.errors, values }));
      return;
    }
    response.redirect(303, '/handledare?klart=sparat');
  }

  @Get('platser')
  async offerList(@Req() request: GuardedRequest): Promise<string> {
    return this.offerListPage(request, request.query.termin, {});
  }

  @Post('platser')
  async addOffer(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: FormBody): Promise<void> {
    const actor = request.actor!;
    const code = formValue.text(body.termin) ?? '';
    const values = { unitName: body.unitName, field: body.field, places: body.places, supervisorIds: formValue.list(body.supervisorIds) };
    const input = {
      districtId: actor.districtId,
      unitName: formValue.text(body.unitName),
      field: formValue.optionalText(body.field),
      places: formValue.int(body.places),
      supervisorIds: formValue.list(body.supervisorIds),
    };
    const form = await validateForm(CreateOfferDto, input);
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.offers.create(actor, code, form.dto).catch(onField('unitName', OffersErrorCode.DuplicateOffer)));
    if ('errors' in result) {
      sendPage(response, result.status, await this.offerListPage(request, code, { errors: result.errors, values }));
      return;
    }
    response.redirect(303, `/platser?termin=${encodeURIComponent(code)}&klart=${OfferResponse.of(result.ok).warnings.length ? 'plats_varning' : 'skapat'}`);
  }

  @Get('platser/:id')
  async offerForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    const offer = OfferResponse.of(await this.offers.get(request.actor!, id));
    const { unitName, field, places, supervisorIds } = offer;
    return this.offerEditPage(request, offer, { values: { unitName, field, places, supervisorIds } });
  }

  @Post('platser/:id')
  async saveOffer(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: FormBody): Promise<void> {
    const actor = request.actor!;
    const offer = OfferResponse.of(await this.offers.get(actor, id));
    const values = { unitName: body.unitName, field: body.field, places: body.places, supervisorIds: formValue.list(body.supervisorIds) };
    const input = {
      unitName: formValue.text(body.unitName),
      field: formValue.optionalText(body.field),
      places: formValue.int(body.places),
      supervisorIds: formValue.list(body.supervisorIds),
    };
    const form = await validateForm(UpdateOfferDto, input);
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.offers.update(actor, id, form.dto).catch(onField('unitName', OffersErrorCode.DuplicateOffer)));
    if ('errors' in result) {
      sendPage(response, result.status, await this.offerEditPage(request, offer, { errors: result.errors, values }));
      return;
    }
    const { code } = await this.terms.getById(offer.termId);
    response.redirect(303, `/platser?termin=${encodeURIComponent(code)}&klart=${OfferResponse.of(result.ok).warnings.length ? 'plats_varning' : 'sparat'}`);
  }

  @Post('platser/:id/ta-bort')
  async removeOffer(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const offer = await this.offers.get(actor, id);
    const { code } = await this.terms.getById(offer.termId);
    const result = await attempt(() => this.offers.remove(actor, id));
    if ('errors' in result) {
      const listError = `${offer.unitName} kunde inte tas bort. ${result.errors._form ?? ''}`.trim();
      sendPage(response, result.status, await this.offerListPage(request, code, { listError }));
      return;
    }
    response.redirect(303, `/platser?termin=${encodeURIComponent(code)}&klart=borttaget`);
  }

  @Get('placerade')
  async placed(@Req() request: GuardedRequest): Promise<string> {
    const actor = request.actor!;
    const terms = await this.terms.list();
    const term = chooseTerm(terms, request.query.termin);
    const [district, universities] = await Promise.all([this.districts.get(actor.districtId!), this.universities.list()]);
    return this.view.page(request, 'district/placed', {
      title: 'Placerade studenter',
      district,
      terms,
      term,
      assignments: term ? await this.assignments.list(actor, term.code) : [],
      universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
    });
  }

  private async supervisorListPage(request: GuardedRequest, form: { errors?: FormErrors; values?: Record<string, unknown> }): Promise<string> {
    const actor = request.actor!;
    const [district, supervisors] = await Promise.all([this.districts.get(actor.districtId!), this.supervisors.list(actor, {})]);
    return this.view.page(request, 'district/supervisors', {
      title: 'Handledare',
      district,
      supervisors: supervisors.map(SupervisorResponse.of),
      labels: SUPERVISOR_LABELS,
      ...form,
      values: form.values ?? { capacity: 1 },
    });
  }

  private supervisorEditPage(request: GuardedRequest, supervisor: SupervisorResponse, form: { errors?: FormErrors; values: Record<string, unknown> }): string {
    return this.view.page(request, 'district/supervisor', { title: `Ändra handledare ${supervisor.name}`, supervisor, labels: SUPERVISOR_LABELS, ...form });
  }

  private async offerListPage(request: GuardedRequest, code: unknown, data: { errors?: FormErrors; values?: Record<string, unknown>; listError?: string }): Promise<string> {
    const actor = request.actor!;
    const terms = await this.terms.list();
    const term = chooseTerm(terms, code);
    const [district, supervisors, offers] = await Promise.all([
      this.districts.get(actor.districtId!),
      this.supervisors.list(actor, {}),
      term ? this.offers.list(actor, term.code, {}) : Promise.resolve([]),
    ]);
    return this.view.page(request, 'district/offers', {
      title: term ? `Platser ${term.code}` : 'Platser',
      district,
      terms,
      term,
      reporting: term ? this.reportingOpen(term) : false,
      offers: offers.map(OfferResponse.of),
      supervisors: supervisors.filter((s) => s.active).map(SupervisorResponse.of),
      labels: OFFER_LABELS,
      ...data,
      values: data.values ?? { supervisorIds: [] },
    });
  }

  private async offerEditPage(request: GuardedRequest, offer: OfferResponse, form: { errors?: FormErrors; values: Record<string, unknown> }): Promise<string> {
    const actor = request.actor!;
    const [term, supervisors] = await Promise.all([this.terms.getById(offer.termId), this.supervisors.list(actor, {})]);
    // Those no longer active stay listed while the offer names them, so the contact can untick them.
    const choices = supervisors.filter((s) => s.active || offer.supervisorIds.includes(s.id)).map(SupervisorResponse.of);
    return this.view.page(request, 'district/offer', {
      title: `Ändra plats ${offer.unitName}`,
      offer,
      term,
      reporting: this.reportingOpen(term),
      supervisors: choices,
      labels: OFFER_LABELS,
      ...form,
    });
  }

  /**
   * Shown as information only: the offers service decides, and refuses a late change with a
   * message the form shows.
   */
  private reportingOpen(term: TermResponse): boolean {
    return reportingClosed(term, this.clock.now()) === null;
  }
}
