/**
 * Writes province-scale import files for timing `npm run import`:
 *   npx tsx tests/bench/import-files.ts <dir> [households]
 * → <dir>/areas.csv (1 province, 56 communes, 1,512 hamlets) and <dir>/households.csv (130,000 rows).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'tests/artifacts/import-bench';
const total = Number(process.argv[3] ?? 130_000);
mkdirSync(dir, { recursive: true });
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const day = (offset: number) => new Date(Date.UTC(2025, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const areas = ['code,name,level,kind,parent_code', '04,Tỉnh Cao Bằng,province,tỉnh,'];
const hamlets: string[] = [];
for (let c = 1; c <= 56; c++) {
  const commune = `9${String(c).padStart(4, '0')}`;
  areas.push(`${commune},Xã Thử ${c},commune,xã,04`);
  for (let h = 1; h <= 27; h++) {
    hamlets.push(`${commune}-${String(h).padStart(3, '0')}`);
    areas.push(`${hamlets.at(-1)},Xóm Nà ${h},hamlet,xóm,${commune}`);
  }
}
const households = ['code,hamlet_code,head_name,members,SMARTPHONE_OFFICIAL_INFO,ONLINE_PUBLIC_SERVICE,CASHLESS_PAYMENT'];
for (let i = 0; i < total; i++) {
  const criteria = [0, 1, 2].map(() => (random() < 0.7 ? day(Math.floor(random() * 110)) : ''));
  households.push(`HB${String(i).padStart(6, '0')},${hamlets[i % hamlets.length]},Nông Văn ${i},${1 + (i % 7)},${criteria.join(',')}`);
}
writeFileSync(join(dir, 'areas.csv'), areas.join('\n') + '\n');
writeFileSync(join(dir, 'households.csv'), households.join('\n') + '\n');
console.log(`${dir}: ${areas.length - 1} areas, ${total} households`);
