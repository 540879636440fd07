import { GraphQLScalarType, Kind } from 'graphql';
import { invalidDateMessage, isIsoDate } from '../dates';
import { InvalidInputError } from '../errors';

const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** `2025-02-30` has the right shape but is no day of the calendar: refused as bad input, in Vietnamese. */
const parseDate = (value: unknown): string => {
  if (isIsoDate(value)) return value;
  throw new InvalidInputError(invalidDateMessage(value));
};

/**
 * A calendar date as an ISO string (`2025-12-31`), kept as a string end to end: no time zones.
 * Input is checked against the calendar; output comes from our own queries (to_char, periods), so
 * serializing checks the shape only — it runs for every date of every series point.
 */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Ngày theo ISO 8601 (YYYY-MM-DD), ví dụ 2025-12-31',
  serialize: (value) => {
    if (typeof value === 'string' && value.length === 10 && ISO_SHAPE.test(value)) return value;
    throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidInputError('Ngày phải là chuỗi dạng YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});
