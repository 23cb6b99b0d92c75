import { randomBytes } from 'node:crypto';
import { University } from '../../src/universities/entities/university.entity';
import { SignedInUser } from './users';
import { TestApp } from '../support/test-app';

let year = 3000;

/** A fresh term code no other test uses (HT3000, HT3001, ...). */
export const uniqueTermCode = () => `HT${year++}`;

export interface TermBody {
  code?: string;
  targetPlaces?: number;
  reportingDeadline?: string;
  periods?: { universityId: string; startsOn: string; endsOn: string }[];
}

/** Creates a term through the API (as the coordinator), with every university's period. */
export async function createTerm(
  t: TestApp,
  admin: SignedInUser,
  body: TermBody = {},
  status?: 'reporting' | 'allocating',
) {
  const universities = await t.dataSource.getRepository(University).find({ order: { code: 'ASC' } });
  const response = await t
    .http()
    .post('/api/terms')
    .set(admin.auth)
    .send({
      code: body.code ?? uniqueTermCode(),
      reportingDeadline: body.reportingDeadline ?? '2999-12-31',
      periods:
        body.periods ?? universities.map((u) => ({ universityId: u.id, startsOn: '3000-08-31', endsOn: '3001-01-17' })),
      ...(body.targetPlaces !== undefined ? { targetPlaces: body.targetPlaces } : {}),
    });
  if (response.status !== 201) throw new Error(`term not created: ${response.status} ${JSON.stringify(response.body)}`);
  const term = response.body as { id: string; code: string; reportingDeadline: string };
  if (status) await moveTo(t, admin, term.code, status);
  return term;
}

/** Moves a term step by step to `status` (publishing takes placements: see the allocation tests). */
export async function moveTo(t: TestApp, admin: SignedInUser, code: string, status: 'reporting' | 'allocating') {
  const order = ['planning', 'reporting', 'allocating'];
  const current = (await t.http().get(`/api/terms/${code}`).set(admin.auth)).body.status as string;
  for (const next of order.slice(order.indexOf(current) + 1, order.indexOf(status) + 1)) {
    await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ status: next }).expect(200);
  }
}

export async function createSupervisor(
  t: TestApp,
  by: SignedInUser,
  districtId: string,
  body: { name?: string; trainingStatus?: string; capacity?: number } = {},
): Promise<{ id: string; name: string }> {
  const name = body.name ?? `Handledare ${randomBytes(3).toString('hex')}`;
  const response = await t
    .http()
    .post('/api/supervisors')
    .set(by.auth)
    .send({
      districtId,
      name,
      email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomBytes(3).toString('hex')}@stad.example.se`,
      trainingStatus: body.trainingStatus ?? 'completed',
      ...(body.capacity ? { capacity: body.capacity } : {}),
    });
  if (response.status !== 201)
    throw new Error(`supervisor not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createOffer(
  t: TestApp,
  by: SignedInUser,
  code: string,
  body: { districtId: string; unitName?: string; field?: string; places?: number; supervisorIds: string[] },
) {
  return t
    .http()
    .post(`/api/terms/${code}/offers`)
    .set(by.auth)
    .send({
      unitName: body.unitName ?? `Enhet ${randomBytes(3).toString('hex')}`,
      field: body.field ?? 'financial_assistance',
      places: body.places ?? 1,
      districtId: body.districtId,
      supervisorIds: body.supervisorIds,
    });
}
