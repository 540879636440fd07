/** The worker thread of prepareInWorker (server/setup.ts): open, migrate, seed if empty, close. */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { isEmpty, seedDemoData, type SetupMessage, type SetupWorkerData } from './setup';

const post = (message: SetupMessage) => parentPort!.postMessage(message);

async function run({ dataDir, seedDemo }: SetupWorkerData): Promise<boolean> {
  post({ type: 'step', step: 'Mở cơ sở dữ liệu nhúng', done: 0, total: 1 });
  const database = await openDatabase({ dataDir, bulkLoad: seedDemo });
  try {
    post({ type: 'step', step: 'Cập nhật cấu trúc cơ sở dữ liệu', done: 0, total: 1 });
    await migrateDatabase(database);
    if (!seedDemo || !(await isEmpty(database))) return false;
    await seedDemoData(database, (step, done, total) => post({ type: 'step', step, done, total }));
    return true;
  } finally {
    await database.close();
  }
}

run(workerData as SetupWorkerData).then(
  (seeded) => post({ type: 'done', seeded }),
  (error: Error) => post({ type: 'error', message: error.message, stack: error.stack }),
);
