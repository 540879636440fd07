import { GraphQLScalarType, Kind } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { InvalidInputError } from '../errors';

const parseDate = (value: unknown): string => {
  try {
    return LocalDateResolver.parseValue(value) as string;
  } catch {
    throw new InvalidInputError(`Ngày không hợp lệ: ${JSON.stringify(value)}. Dùng dạng YYYY-MM-DD, ví dụ 2025-12-31.`);
  }
};

/** A calendar date as an ISO string (`2025-12-31`), kept as a string end to end: no time zones. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'Ngày theo ISO 8601 (YYYY-MM-DD), ví dụ 2025-12-31',
  serialize: (value) => LocalDateResolver.serialize(value),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new InvalidInputError('Ngày phải là chuỗi dạng YYYY-MM-DD.');
    return parseDate(ast.value);
  },
});
