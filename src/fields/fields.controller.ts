import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FIELDS, FieldInfo } from './fields';

@ApiTags('fields')
@ApiBearerAuth()
@Controller('fields')
export class FieldsController {
  /** The six fields of social work an offer belongs to, with their Swedish names. */
  @Get()
  list(): readonly FieldInfo[] {
    return FIELDS;
  }
}
