import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printAppSchema } from '../../server/graphql/print-schema';
import { schemaFile } from '../../server/graphql/schema';

it('keeps the committed GraphQL schema (the web app types come from it) in step with the resolvers', async () => {
  expect(readFileSync(schemaFile, 'utf8'), 'run `npm run schema` and commit server/graphql/schema.graphql').toBe(
    await printAppSchema(),
  );
});
