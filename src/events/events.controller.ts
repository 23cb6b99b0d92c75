import { Body, Controller, Get, Header, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { AttendanceDto, CreateEventDto, EventQueryDto, UpdateEventDto } from './dto/event.dto';
import { EventResponse, InviteeResponse } from './dto/event.response';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /**
   * Creates an event and e-mails invitations with a calendar file to everyone its type invites.
   * The joint introduction: one per term, on or after the term's earliest VFU start and within
   * its first 14 days. The workshop: one per year, ending before the autumn term's earliest VFU
   * start.
   */
  @Roles(Role.Coordinator)
  @Post()
  @HttpCode(201)
  @ApiRefusals({
    400: 'Bad input, or the timing rule of the event type is broken (the message names it)',
    403: 'Only the coordinator',
    409: 'The term has its introduction, or the year its workshop, already',
  })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventResponse> {
    const event = await this.events.create(actor, dto);
    const { invited, invitees } = await this.events.get(actor, event.id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Every event, in time order; `from`/`to` (ISO 8601), `type`, `termCode` narrow it. */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: EventQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EventResponse[]> {
    const page = await this.events.list(actor, query);
    return withTotalCount(
      response,
      mapPage(page, ({ event, invited, invitees }) => EventResponse.of(event, invited, invitees)),
    );
  }

  /** The event as a calendar file (text/calendar). Declared before `:id`, which would take the name. */
  @Get(':id.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiRefusals(400, 404)
  ics(@IdParam() id: string): Promise<string> {
    return this.events.ics(id);
  }

  /** One event with its invitation counts. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EventResponse> {
    const { event, invited, invitees } = await this.events.get(actor, id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Changes the event; SEQUENCE is raised and everyone invited gets the updated invitation. */
  @Roles(Role.Coordinator)
  @Patch(':id')
  @ApiRefusals(404, { 403: 'Only the coordinator', 409: 'The event is cancelled' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventResponse> {
    const event = await this.events.update(actor, id, dto);
    const { invited, invitees } = await this.events.get(actor, id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Cancels the event (METHOD:CANCEL to everyone invited); it stays in feeds as cancelled. */
  @Roles(Role.Coordinator)
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiRefusals(400, 404, { 403: 'Only the coordinator', 409: 'The event is cancelled already' })
  async cancel(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EventResponse> {
    const event = await this.events.cancel(actor, id);
    const { invited, invitees } = await this.events.get(actor, id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Everyone invited to the event, with their attendance where it is recorded. */
  @Roles(Role.Coordinator)
  @Get(':id/invitees')
  @ApiRefusals(400, 404, { 403: 'Only the coordinator' })
  async invitees(@IdParam() id: string): Promise<InviteeResponse[]> {
    return (await this.events.invitees(id)).map(InviteeResponse.of);
  }

  /** Records who attended, once the event has begun. */
  @Roles(Role.Coordinator)
  @Put(':id/attendance')
  @ApiRefusals(404, { 403: 'Only the coordinator', 409: 'The event has not begun' })
  async attendance(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: AttendanceDto,
  ): Promise<InviteeResponse[]> {
    return (await this.events.recordAttendance(actor, id, dto)).map(InviteeResponse.of);
  }
}
