import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
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
@ApiForbiddenResponse({ description: 'Another district than your own' })
@Controller()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Post('terms/:code/offers')
  @HttpCode(201)
  @ApiConflictResponse({
    description:
      'Reporting is closed for contacts (deadline passed or term not open), a duplicate unit and field, or supervisors over-committed',
  })
  async create(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: CreateOfferDto,
  ): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.create(actor, code, dto));
  }

  @Get('terms/:code/offers')
  async list(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: OfferQueryDto,
  ): Promise<OfferResponse[]> {
    return (await this.offers.list(actor, code, query)).map(OfferResponse.of);
  }

  @Get('offers/:id')
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.get(actor, id));
  }

  @Patch('offers/:id')
  @ApiConflictResponse({ description: 'Reporting is closed for contacts, a duplicate, or supervisors over-committed' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateOfferDto,
  ): Promise<OfferResponse> {
    return OfferResponse.of(await this.offers.update(actor, id, dto));
  }

  @Delete('offers/:id')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Reporting is closed for contacts' })
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.offers.remove(actor, id);
  }
}
