/** The demo data for a first start: only ever loaded into an empty database. */
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './db/client';
import { rebuildAncestors } from './modules/areas/queries';
import { rebuildAggregates } from './modules/indicators/aggregates';

export type Progress = (step: string, done: number, total: number) => void;

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from areas`);
  return row?.n === 0;
}

/** Loads the Cao Bằng demo data into an empty, migrated database, in one transaction. */
export async function seedDemoData(database: Database, onProgress?: Progress): Promise<void> {
  const options = { onProgress };
  const { seedDemo } = await import('../seeds/demo');
  const { seedDemoUsers } = await import('../seeds/users');
  const { seedDemoTeams } = await import('../seeds/teams');
  const { seedDemoAwards } = await import('../seeds/awards');
  await database.db.transaction(async (tx) => {
    await seedDemo(tx, { onProgress: options.onProgress });
    await seedDemoUsers(tx);
    options.onProgress?.('Tính các chỉ số tổng hợp', 0, 1);
    await rebuildAncestors(tx);
    await rebuildAggregates(tx);
    options.onProgress?.('Tính các chỉ số tổng hợp', 1, 1);
    options.onProgress?.('Tổ công nghệ số cộng đồng, chỉ tiêu, hoạt động', 0, 1);
    await seedDemoTeams(tx);
    options.onProgress?.('Tổ công nghệ số cộng đồng, chỉ tiêu, hoạt động', 1, 1);
    options.onProgress?.('Khen thưởng năm 2026: đề cử, xét duyệt, quyết định', 0, 1);
    await seedDemoAwards(tx);
    options.onProgress?.('Khen thưởng năm 2026: đề cử, xét duyệt, quyết định', 1, 1);
  });
}
