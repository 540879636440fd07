/*
 * How formatError answers a database that cannot answer (restarting, unreachable, a statement over
 * statement_timeout): DATABASE_UNAVAILABLE, a Vietnamese message, a retry hint, no SQL; and what
 * it does not take for one.
 */
import { GraphQLError } from 'graphql';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it, vi } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailableError, isDatabaseUnavailable } from '../errors';
import { formatError } from './errors';

/** A resolver's error as Apollo hands it to formatError: drizzle's wrapper inside graphql-js's located error. */
function fromResolver(cause: Error) {
  const original = new DrizzleQueryError('select * from households where id = $1', [1], cause);
  const located = new GraphQLError(original.message, { originalError: original, path: ['area'] });
  return { formatted: { message: located.message, path: ['area'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, located };
}

const driverError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('formatError and an unreachable database', () => {
  it.each([
    ['postgres.js: the connection closed', driverError('CONNECTION_CLOSED', 'write CONNECTION_CLOSED 127.0.0.1:5432')],
    ['postgres.js: no connection within connect_timeout', driverError('CONNECT_TIMEOUT')],
    ['the socket: refused', driverError('ECONNREFUSED')],
    ['PostgreSQL: terminating connection due to administrator command', driverError('57P01')],
    ['PostgreSQL: the database system is starting up', driverError('57P03')],
    ['PostgreSQL: canceling statement due to statement timeout', driverError('57014')],
    ['PostgreSQL: connection failure (class 08)', driverError('08006')],
  ])('answers DATABASE_UNAVAILABLE for %s', (_name, cause) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { formatted, located } = fromResolver(cause);
    expect(formatError(formatted, located)).toEqual({
      message: DATABASE_UNAVAILABLE_MESSAGE, path: ['area'], extensions: { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 2 },
    });
    log.mockRestore();
  });

  it('keeps other database errors internal and masked', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { formatted, located } = fromResolver(driverError('23505', 'duplicate key value violates unique constraint'));
    expect(isDatabaseUnavailable(located)).toBe(false);
    const answer = formatError(formatted, located);
    expect(answer.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(answer)).not.toMatch(/select|households|duplicate/);
    log.mockRestore();
  });

  it('gives Apollo the status and Retry-After of a DatabaseUnavailableError thrown before execution', () => {
    const error = new DatabaseUnavailableError(driverError('ECONNREFUSED'));
    expect(error.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', http: { status: 503 } });
    expect((error.extensions.http as { headers: Map<string, string> }).headers.get('retry-after')).toBe('2');
  });
});
