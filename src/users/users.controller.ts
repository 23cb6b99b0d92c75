import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserResponse } from './dto/user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.create(actor, dto));
  }

  @Get()
  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(UserResponse.of);
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<UserResponse> {
    return UserResponse.of(await this.users.get(id));
  }

  @Patch(':id')
  async update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.of(await this.users.update(actor, id, dto));
  }
}
