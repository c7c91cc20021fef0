import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './unavailable';

/** Shaped as node-postgres and TypeORM raise them. */
const sqlError = (code: string, message = 'error') => Object.assign(new Error(message), { code });
const typeormWrapped = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

describe('database unavailable', () => {
  it.each([
    ['a refused connection', sqlError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', sqlError('ECONNRESET')],
    [
      'a server shutting down (fast)',
      typeormWrapped(sqlError('57P01', 'terminating connection due to administrator command')),
    ],
    ['a server starting up', sqlError('57P03', 'the database system is starting up')],
    ['a connection failure', sqlError('08006')],
    ['too many connections', sqlError('53300')],
    ['a connection that died', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a transaction whose connection TypeORM released', new QueryRunnerAlreadyReleasedError()],
    ['a cause that is one of these', Object.assign(new Error('query failed'), { cause: sqlError('ECONNREFUSED') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', typeormWrapped(sqlError('23505', 'duplicate key value'))],
    ['a missing table', sqlError('42P01', 'relation "x" does not exist')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
