import { QueryFailedError } from 'typeorm';
import { toAppError } from './to-app-error';

/** An error as node-postgres raises it: a message and, where PostgreSQL or the socket gave one, a code. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('toAppError, the database away', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['an admin shutdown (57P01)', failedQuery(pgError('terminating connection due to administrator command', '57P01'))],
    ['a server starting up (57P03)', pgError('the database system is starting up', '57P03')],
    ['a connection cut mid-query', failedQuery(pgError('Connection terminated unexpectedly'))],
    ['no free connection in time', pgError('timeout exceeded when trying to connect')],
    ['a connection exception (08006)', pgError('connection failure', '08006')],
    ['every address refused', new AggregateError([pgError('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')])],
  ])('%s is database_unavailable: 503, retry after 5 s', (_, error) => {
    const refusal = toAppError(error);
    expect(refusal).toMatchObject({ code: 'database_unavailable', retryAfter: 5 });
    expect(refusal?.getStatus()).toBe(503);
    expect(refusal?.sv).toBe('Tjänsten når inte sin databas just nu. Försök igen om en liten stund.');
  });

  it('leaves a race a conflict, and a bug a 500', () => {
    expect(toAppError(failedQuery(pgError('duplicate key value', '23505')))?.code).toBe('constraint_violation');
    expect(toAppError(failedQuery(pgError('syntax error at or near "x"', '42601')))).toBeUndefined();
    expect(toAppError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeUndefined();
  });
});
