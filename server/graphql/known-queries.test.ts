import type { CompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { KnownQueries } from './known-queries';

const compiled = { query: () => ({}) } as unknown as CompiledQuery;
const QUERY = 'query Board { leaderboard { rank } }';
const json = { 'content-type': 'application/json' };

describe('KnownQueries: which repeated requests may skip Apollo', () => {
  const known = new KnownQueries();
  known.remember(QUERY, 'Board', compiled);

  it('finds an anonymous repeat of the same text and operation name', () => {
    expect(known.find({ query: QUERY, operationName: 'Board', variables: { p: '04' } }, json)).toBe(compiled);
    expect(known.find({ query: QUERY, operationName: 'Board' }, { ...json, accept: 'application/json' })).toBe(compiled);
  });

  it('leaves to Apollo another operation name, another text, or a first sight', () => {
    expect(known.find({ query: QUERY }, json)).toBeUndefined();
    expect(known.find({ query: QUERY, operationName: 'Other' }, json)).toBeUndefined();
    expect(known.find({ query: `${QUERY} `, operationName: 'Board' }, json)).toBeUndefined();
  });

  it('leaves to Apollo a signed-in viewer (cookie or authorization header)', () => {
    expect(known.find({ query: QUERY, operationName: 'Board' }, { ...json, cookie: 'tds_session=abc' })).toBeUndefined();
    expect(known.find({ query: QUERY, operationName: 'Board' }, { ...json, authorization: 'Bearer x' })).toBeUndefined();
  });

  it('leaves to Apollo what it would refuse or answer otherwise', () => {
    const body = { query: QUERY, operationName: 'Board' };
    expect(known.find({ ...body, variables: 'p=04' }, json)).toBeUndefined();
    expect(known.find({ ...body, variables: ['04'] }, json)).toBeUndefined();
    expect(known.find({ query: QUERY, operationName: 7 }, json)).toBeUndefined();
    expect(known.find({ ...body, extensions: { persistedQuery: { version: 1 } } }, json)).toBeUndefined();
    // Apollo may answer these with application/graphql-response+json.
    expect(known.find(body, { ...json, accept: 'application/graphql-response+json' })).toBeUndefined();
    expect(known.find(undefined, json)).toBeUndefined();
  });

  it('stops remembering at its limit', () => {
    const small = new KnownQueries(1);
    small.remember('{ a }', null, compiled);
    small.remember('{ b }', null, compiled);
    expect(small.find({ query: '{ a }' }, json)).toBe(compiled);
    expect(small.find({ query: '{ b }' }, json)).toBeUndefined();
  });
});
