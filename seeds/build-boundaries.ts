/**
 * Builds the simplified boundaries shipped with the demo seed (run once, output committed):
 *
 *   npx tsx seeds/build-boundaries.ts [source.geojson]
 *
 * Reads the full-resolution boundaries of Cao Bằng (province + 56 communes, ~3 MB) and writes
 *   seeds/data/cao-bang-communes.geojson  the 56 communes (~200 KB)
 *   seeds/data/cao-bang-province.geojson  the province outline (~20 KB)
 * simplified with mapshaper. Mapshaper builds a topology of the whole layer first, so a border
 * shared by two communes (or by a commune and the province outline) is simplified once and still
 * meets on both sides. Coordinates are rounded to 5 decimals (~1 m).
 *
 * Geometry: thanglequoc/vietnamese-provinces-database, MIT License (see seeds/NOTICE).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import mapshaper from 'mapshaper';

const SOURCE_DEFAULT = '/work/shared/data/cao-bang-boundaries-2025.geojson';
/** Share of removable vertices kept (Visvalingam weighted area, mapshaper's default). */
const KEEP = '6%';

interface AreaProps {
  code: string;
  name: string;
  level: 'province' | 'commune';
  kind: string;
}
type AreaCollection = FeatureCollection<Geometry, AreaProps>;

function outPath(name: string): string {
  return fileURLToPath(new URL(`./data/${name}`, import.meta.url));
}

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

/** Pairs of features (by code) that share at least two vertices, i.e. a border segment. */
function neighbourPairs(features: Feature<Geometry, AreaProps>[]): Set<string> {
  const owners = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [x, y] of positions(f.geometry)) {
      const key = `${x},${y}`;
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(f.properties.code);
    }
  }
  const counts = new Map<string, number>();
  for (const set of owners.values()) {
    const codes = [...set].sort();
    for (let i = 0; i < codes.length; i++) {
      for (let j = i + 1; j < codes.length; j++) {
        const pair = `${codes[i]}|${codes[j]}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([pair]) => pair));
}

async function main(): Promise<void> {
  const source = process.argv[2] ?? SOURCE_DEFAULT;
  const input = readFileSync(source, 'utf8');
  const original = JSON.parse(input) as AreaCollection;

  const output = await mapshaper.applyCommands(
    `-i areas.json name=areas -simplify ${KEEP} keep-shapes -split level ` +
      `-o format=geojson precision=0.00001 target=*`,
    { 'areas.json': input },
  );
  const text = (name: string): string => {
    const value = output[name];
    if (value === undefined) throw new Error(`mapshaper produced no ${name}: ${Object.keys(output).join(', ')}`);
    return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
  };
  const communes = JSON.parse(text('commune.json')) as AreaCollection;
  const province = JSON.parse(text('province.json')) as AreaCollection;

  // Sanity checks: all 56 communes, and every border of the source still shared after simplification.
  const sourceCommunes = original.features.filter((f) => f.properties.level === 'commune');
  if (communes.features.length !== sourceCommunes.length || province.features.length !== 1) {
    throw new Error(`expected ${sourceCommunes.length} communes and 1 province`);
  }
  const before = neighbourPairs(original.features);
  const after = neighbourPairs([...communes.features, ...province.features]);
  const lost = [...before].filter((pair) => !after.has(pair));
  if (lost.length > 0) throw new Error(`borders no longer shared: ${lost.join(', ')}`);

  const clean = (fc: AreaCollection): string =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: fc.features.map((f) => ({
        type: 'Feature',
        properties: { code: f.properties.code, name: f.properties.name.normalize('NFC'), level: f.properties.level, kind: f.properties.kind },
        geometry: f.geometry,
      })),
    }) + '\n';
  const communesText = clean(communes);
  const provinceText = clean(province);
  writeFileSync(outPath('cao-bang-communes.geojson'), communesText);
  writeFileSync(outPath('cao-bang-province.geojson'), provinceText);
  console.log(
    `communes: ${communes.features.length} features, ${(communesText.length / 1024).toFixed(0)} KB; ` +
      `province: ${(provinceText.length / 1024).toFixed(0)} KB; ${after.size} shared borders kept (of ${before.size})`,
  );
}

await main();
