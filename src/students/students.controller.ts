import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { BodyTypes } from '../common/http/body-types';
import { PageQueryDto } from '../common/http/page-query.dto';
import { IdParam } from '../common/http/id-param';
import { withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CreateStudentDto, ImportQueryDto, UpdateStudentDto } from './dto/student.dto';
import { ImportResponse, PlacedStudentResponse, StudentResponse } from './dto/student.response';
import { StudentsService } from './students.service';

@ApiTags('students')
@ApiBearerAuth()
@ApiRefusals({ 403: 'Not the coordinator or a university coordinator, or another university than your own' })
@Controller()
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  /** Registers one student (university coordinators for their own university). */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Post('terms/:code/students')
  @HttpCode(201)
  @ApiRefusals(404, { 409: 'The studentRef is registered already, or the placements are published' })
  async create(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: CreateStudentDto,
  ): Promise<StudentResponse> {
    return StudentResponse.of(await this.students.create(actor, code, dto));
  }

  /**
   * Imports students from a CSV file (`Content-Type: text/csv`) with the header
   * `name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport`;
   * fields and districts by code or name, extra support `ja`/`nej`, comma or semicolon separated.
   * All or nothing: any bad row gives 400 with `details: [{row, field, message}]` for each
   * (the header is row 1); studentRefs already registered give 409 listed the same way.
   */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Post('terms/:code/students/import')
  @HttpCode(201)
  @ApiRefusals(404, {
    400: 'The file has problems: `details` lists each with its row and field; nothing was imported',
    409: 'Some studentRefs are registered already (listed in `details`), or the placements are published',
  })
  @BodyTypes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example:
        'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport\nAda Svensson,ada@student.su.se,SU-001,children_youth,elderly,,Bromma,,,nej',
    },
  })
  async import(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: ImportQueryDto,
    @Body() csv: unknown,
  ): Promise<ImportResponse> {
    if (typeof csv !== 'string') {
      throw AppError.of(CommonErrors.unsupported_media_type, { expected: 'text/csv' });
    }
    return { imported: await this.students.import(actor, code, query.universityId, csv) };
  }

  /** Coordinator: all; university coordinator: their own; district contact: names of those placed in their district. */
  @Get('terms/:code/students')
  @ApiRefusals(400, 404)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StudentResponse[] | PlacedStudentResponse[]> {
    return withTotalCount(response, await this.students.list(actor, code, query));
  }

  /** One student with their preferences. */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Get('students/:id')
  @ApiRefusals(400, 404)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StudentResponse> {
    return StudentResponse.of(await this.students.get(actor, id));
  }

  /** Changes a student's details or preferences while registration is open. */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Patch('students/:id')
  @ApiRefusals(404, { 409: 'The studentRef is registered already, or the placements are published' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateStudentDto,
  ): Promise<StudentResponse> {
    return StudentResponse.of(await this.students.update(actor, id, dto));
  }

  /** Removes a student who is not placed. */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Delete('students/:id')
  @HttpCode(204)
  @ApiRefusals(400, 404, { 409: 'The student is placed, or the placements are published' })
  async remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.students.remove(actor, id);
  }
}
