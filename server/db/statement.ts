/*
 * Read statements whose SQL text is built once. drizzle assembles a statement's text from its
 * template on every call; for the hot public reads (leaderboards, maps, series) that cost more
 * CPU than postgres.js sending it. A statement here is built once with placeholders and then sent
 * with its values straight through the database's client (postgres.js, prepared). On PGlite and
 * inside transactions it runs through drizzle as any other query: same text, same rows.
 */
import { fillPlaceholders, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Executor, queryRows, rawRunnerOf } from './client';

/** What a statement's parameters may be: values PostgreSQL takes as they are (lists go as JSON text). */
export type StatementValue = string | number | boolean | null;

type Slots<P> = { [K in keyof P]: Placeholder | P[K] };

const dialect = new PgDialect();
const placeholders = new Proxy({}, { get: (_target, name) => sql.placeholder(String(name)) });

export function statement<P extends Record<string, StatementValue>, R>(build: (params: Slots<P>) => SQL) {
  let compiled: { sql: string; params: unknown[] } | undefined;
  return (executor: Executor, params: P): Promise<R[]> => {
    const run = rawRunnerOf(executor);
    if (!run) return queryRows<R>(executor, build(params));
    compiled ??= dialect.sqlToQuery(build(placeholders as Slots<P>));
    return run(compiled.sql, fillPlaceholders(compiled.params, params)) as Promise<R[]>;
  };
}
