import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client';
import { verifyPassword } from '../server/modules/access/passwords';
import { openTestDatabase, type TestDatabase } from '../tests/support/databases';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './users';

describe('demo users', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const areas = [
      ['04', 'Tỉnh Cao Bằng', 'province', 'tỉnh', null],
      ['01273', 'Phường Thục Phán', 'commune', 'phường', '04'],
      ['01273-001', 'Tổ dân phố 1', 'hamlet', 'tổ dân phố', '01273'],
      ['01273-002', 'Tổ dân phố 2', 'hamlet', 'tổ dân phố', '01273'],
    ];
    for (const [code, name, level, kind, parent] of areas) {
      await database.db.execute(sql`insert into areas (code, name, name_key, level, kind, parent_id)
        values (${code}, ${name}, lower(${name}), ${level}, ${kind}, (select id from areas where code = ${parent}))`);
    }
  });
  afterAll(async () => database?.close());

  it('covers every role', () => {
    expect(new Set(DEMO_USERS.map((u) => u.role)).size).toBe(6);
  });

  it('seeds the users whose areas exist, with their scope and the documented password, and skips the others', async () => {
    const seeded = await database.db.transaction((tx) => seedDemoUsers(tx));
    // Only 04 and 01273 exist here: the accounts of other communes are skipped.
    const present = new Set(['04', '01273', '01273-001', '01273-002']);
    expect(seeded).toEqual(DEMO_USERS.filter((u) => u.areaCodes.every((c) => present.has(c))).map((u) => u.username));
    expect(seeded).toContain('hoidong.thanhvien3');
    expect(seeded).not.toContain('nungtricao.canbo');
    const rows = await queryRows<{ username: string; hash: string; codes: string[] }>(database.db, sql`
      select u.username, u.password_hash as hash,
             (select json_agg(a.code order by a.code) from user_areas ua join areas a on a.id = ua.area_id where ua.user_id = u.id) as codes
      from users u where u.username = 'thucphan.totruong'`);
    expect(rows[0]!.codes).toEqual(['01273-001', '01273-002']);
    expect(await verifyPassword(rows[0]!.hash, DEMO_PASSWORD)).toBe(true);
  });
});
