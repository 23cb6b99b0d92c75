import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FIELDS, FieldInfo } from './fields';

@ApiTags('fields')
@ApiBearerAuth()
@Controller('fields')
export class FieldsController {
  @Get()
  list(): readonly FieldInfo[] {
    return FIELDS;
  }
}
