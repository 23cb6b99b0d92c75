import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/http/page-query.dto';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Creates a user: a coordinator, or a district contact or university coordinator with their district or university. */
  @Post()
  @HttpCode(201)
  @ApiRefusals({ 409: 'A user with this e-mail exists' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(actor, dto));
  }

  /** Every user, by name. */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(@Query() query: PageQueryDto, @Res({ passthrough: true }) response: Response): Promise<UserResponse[]> {
    return withTotalCount(response, mapPage(await this.users.list(query), UserResponse.of));
  }

  /** One user. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@IdParam() id: string): Promise<UserResponse> {
    return UserResponse.of(await this.users.get(id));
  }

  /** Renames a user, sets a new password, or (de)activates them; deactivation or a new password ends their sessions. */
  @Patch(':id')
  @ApiRefusals(404, { 409: 'The coordinator would deactivate themself' })
  async update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(actor, id, dto));
  }
}
