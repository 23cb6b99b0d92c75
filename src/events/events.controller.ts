import { Body, Controller, Get, Header, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
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
  @ApiBadRequestResponse({
    description: 'Bad input, or the timing rule of the event type is broken (the message names it)',
  })
  @ApiConflictResponse({ description: 'The term has its introduction, or the year its workshop, already' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventResponse> {
    const event = await this.events.create(actor, dto);
    const { invited, invitees } = await this.events.get(actor, event.id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Every event, in time order; `from`/`to` (ISO 8601), `type`, `termCode` narrow it. */
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: EventQueryDto): Promise<EventResponse[]> {
    return (await this.events.list(actor, query)).map(({ event, invited, invitees }) =>
      EventResponse.of(event, invited, invitees),
    );
  }

  /** The event as a calendar file (text/calendar). Declared before `:id`, which would take the name. */
  @Get(':id.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  ics(@IdParam() id: string): Promise<string> {
    return this.events.ics(id);
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EventResponse> {
    const { event, invited, invitees } = await this.events.get(actor, id);
    return EventResponse.of(event, invited, invitees);
  }

  /** Changes the event; SEQUENCE is raised and everyone invited gets the updated invitation. */
  @Roles(Role.Coordinator)
  @Patch(':id')
  @ApiConflictResponse({ description: 'The event is cancelled' })
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
  async cancel(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EventResponse> {
    const event = await this.events.cancel(actor, id);
    const { invited, invitees } = await this.events.get(actor, id);
    return EventResponse.of(event, invited, invitees);
  }

  @Roles(Role.Coordinator)
  @Get(':id/invitees')
  async invitees(@IdParam() id: string): Promise<InviteeResponse[]> {
    return (await this.events.invitees(id)).map(InviteeResponse.of);
  }

  /** Records who attended, once the event has begun. */
  @Roles(Role.Coordinator)
  @Put(':id/attendance')
  @ApiConflictResponse({ description: 'The event has not begun' })
  async attendance(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: AttendanceDto,
  ): Promise<InviteeResponse[]> {
    return (await this.events.recordAttendance(actor, id, dto)).map(InviteeResponse.of);
  }
}
