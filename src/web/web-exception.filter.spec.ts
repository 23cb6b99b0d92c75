import { BadRequestException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { OffersErrors } from '../offers/offers.errors';
import { errorPage } from './web-exception.filter';

describe('errorPage', () => {
  it('shows a refusal in the catalogue’s Swedish, with its status, and keeps it out of the error log', () => {
    const page = errorPage(AppError.of(OffersErrors.duplicate_offer, { unitName: 'Mottagningen', field: 'elderly' }));
    expect(page).toEqual({
      status: 409,
      heading: 'Det gick inte',
      message: 'Mottagningen har redan en plats inom Äldreomsorg den här terminen. Ändra den i stället.',
      log: false,
    });
  });

  it('words a database race as the conflict the API answers', () => {
    const race = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    expect(errorPage(race)).toMatchObject({
      status: 409,
      message: expect.stringContaining('krockar') as string,
      log: false,
    });
  });

  it('answers anything outside the catalogue with a logged 500 that says so in Swedish, never as a refusal', () => {
    for (const unexpected of [new Error('boom'), new BadRequestException('not ours'), 'a string']) {
      expect(errorPage(unexpected)).toEqual({
        status: 500,
        heading: 'Något gick fel',
        message: expect.stringContaining(
          'det finns ingen förklaring att visa för just det här felet. Felet är loggat.',
        ) as string,
        log: true,
      });
    }
  });
});
