import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CreateTermDto, UpdateTermDto } from './dto/term.dto';
import { TermResponse } from './dto/term.response';
import { TermsService } from './terms.service';

@ApiTags('terms')
@ApiBearerAuth()
@Controller('terms')
export class TermsController {
  constructor(private readonly terms: TermsService) {}

  /** Creates a term in `planning`: code, target (default 100), reporting deadline, VFU periods. */
  @Roles(Role.Coordinator)
  @Post()
  @HttpCode(201)
  @ApiRefusals({ 403: 'Only the coordinator', 409: 'A term with this code exists' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTermDto): Promise<TermResponse> {
    return this.terms.create(actor, dto);
  }

  /** Every term, newest first. */
  @Get()
  list(): Promise<TermResponse[]> {
    return this.terms.list();
  }

  /** One term with its periods and status. */
  @Get(':code')
  @ApiRefusals(404)
  get(@Param('code') code: string): Promise<TermResponse> {
    return this.terms.get(code);
  }

  /**
   * Changes the target, deadline, periods or code, or moves the status one step along
   * planning → reporting → allocating → published → closed (409 otherwise). Opening the
   * reporting e-mails every district contact person.
   */
  @Roles(Role.Coordinator)
  @Patch(':code')
  @ApiRefusals(404, { 403: 'Only the coordinator', 409: 'Not the next status, or the new code is taken' })
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateTermDto): Promise<TermResponse> {
    return this.terms.update(actor, code, dto);
  }
}
