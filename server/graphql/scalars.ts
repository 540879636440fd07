import { GraphQLScalarType, Kind } from 'graphql';
import { InvalidInputError } from '../errors';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-02-30` has the right shape but is no day of the calendar. */
function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const parseDate = (value: unknown): string => {
  if (typeof value === 'string' && isCalendarDate(value)) return value;
  throw new InvalidInputError(`Ngày không hợp lệ: ${JSON.stringify(value)}. Dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.`);
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
    if (typeof value === 'string' && value.length === 10 && ISO_DATE.test(value)) return value;
    throw new TypeError(`Date cannot represent ${JSON.stringify(value)}`);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidInputError('Ngày phải là chuỗi dạng YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});
