/**
 * Writes seeds/data/cao-bang-hamlets.csv (areas.csv format plus latitude,longitude):
 *
 *   npx tsx seeds/build-hamlets.ts
 *
 * The generator is deterministic (fixed seed), so re-running it gives the committed file.
 */
import { writeFileSync } from 'node:fs';
import { dataPath } from './communes';
import { generateHamlets, hamletsToCsv } from './hamlets';

const hamlets = generateHamlets();
writeFileSync(dataPath('cao-bang-hamlets.csv'), hamletsToCsv(hamlets));
const byKind = new Map<string, number>();
for (const h of hamlets) byKind.set(h.kind, (byKind.get(h.kind) ?? 0) + 1);
console.log(`${hamlets.length} hamlets: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}`);
