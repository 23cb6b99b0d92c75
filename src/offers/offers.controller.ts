import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CreateOfferDto, OfferQueryDto, UpdateOfferDto } from './dto/offer.dto';
import { OfferResponse } from './dto/offer.response';
import { OffersService } from './offers.service';

/**
 * Places offered by districts (VFU-platser). A district contact writes for their own district
 * until the reporting deadline, while the term is planning or reporting; the coordinator always.
 */
@ApiTags('offers')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.DistrictContact)
@ApiRefusals({ 403: 'Not the coordinator or a district contact, or another district than your own' })
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  /** Reports an offer: a unit, its field, its places and the supervisors named for it. */
  @Post('terms/:code/offers')
  @HttpCode(201)
  @ApiRefusals(404, {
    409: 'Reporting is closed for contacts (deadline passed or term not open), a duplicate unit and field, or supervisors over-committed',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: CreateOfferDto,
  ): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.create(actor, code, dto));
  }

  /** The term's offers with their usable places: a contact sees their own district's, the coordinator all or one district's. */
  @Get('terms/:code/offers')
  @ApiRefusals(400, 404)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: OfferQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OfferResponse[]> {
    return withTotalCount(response, mapPage(await this.offers.list(actor, code, query), OfferResponse.of));
  }

  /** One offer. */
  @Get('offers/:id')
  @ApiRefusals(400, 404)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.get(actor, id));
  }

  /** Changes an offer's unit, field, places or supervisors. */
  @Patch('offers/:id')
  @ApiRefusals(404, { 409: 'Reporting is closed for contacts, a duplicate, or supervisors over-committed' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateOfferDto,
  ): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.update(actor, id, dto));
  }

  /** Withdraws an offer. */
  @Delete('offers/:id')
  @HttpCode(204)
  @ApiRefusals(400, 404, { 409: 'Reporting is closed for contacts, or the offer has placements' })
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.offers.remove(actor, id);
  }
}
