/** The official commune list and boundaries shipped in seeds/data, plus the demo's assumptions about them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';

export const dataPath = (name: string): string => fileURLToPath(new URL(`./data/${name}`, import.meta.url));

export interface AreaRow {
  code: string;
  name: string;
  level: string;
  kind: string;
  parentCode: string;
}

/**
 * Parses the simple CSV files of seeds/data (no quoted fields: names contain no commas).
 * Returns the rows as records keyed by the header.
 */
export function readSimpleCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.length > 0);
  if (!header) return [];
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== columns.length) throw new Error(`${path}: bad line ${line}`);
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').normalize('NFC')]));
  });
}

/** Province and communes, as in the official CSV (names exactly as published). */
export function readOfficialAreas(): { province: AreaRow; communes: AreaRow[] } {
  const rows = readSimpleCsv(dataPath('cao-bang-communes-2025.csv')).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    level: r.level ?? '',
    kind: r.kind ?? '',
    parentCode: r.parent_code ?? '',
  }));
  const province = rows.find((r) => r.level === 'province');
  if (!province) throw new Error('no province in the communes CSV');
  return { province, communes: rows.filter((r) => r.level === 'commune') };
}

interface BoundaryProps {
  code: string;
  name: string;
}

/** Simplified commune boundaries by commune code. */
export function readCommuneBoundaries(): Map<string, Geometry> {
  const fc = JSON.parse(readFileSync(dataPath('cao-bang-communes.geojson'), 'utf8')) as FeatureCollection<Geometry, BoundaryProps>;
  return new Map(fc.features.map((f) => [f.properties.code, f.geometry]));
}

/** Simplified province outline, if shipped. */
export function readProvinceBoundary(): Geometry | null {
  const fc = JSON.parse(readFileSync(dataPath('cao-bang-province.geojson'), 'utf8')) as FeatureCollection<Geometry, BoundaryProps>;
  return fc.features[0]?.geometry ?? null;
}

/**
 * How far along a commune is, for the demo: `urban` (the three wards of the former Cao Bằng city),
 * `lowland` (former district towns and the valley communes along the main roads) and `highland`
 * (remote mountain and border communes, mostly former Bảo Lâm, Bảo Lạc, Nguyên Bình, Hạ Lang
 * and the north of Hà Quảng). This is an assumption of the demo data, not an official list.
 */
export type CommuneProfile = 'urban' | 'lowland' | 'highland';

const HIGHLAND = new Set([
  // former Bảo Lâm district
  '01290', '01294', '01297', '01304', '01318',
  // former Bảo Lạc district (its town, 01321 Bảo Lạc, is lowland)
  '01324', '01327', '01336', '01339', '01351', '01354', '01360',
  // former Thông Nông / Hà Quảng, north
  '01366', '01387', '01392', '01393', '01414',
  // former Hạ Lang district (its town, 01558 Hạ Lang, is lowland)
  '01537', '01552', '01561',
  // former Nguyên Bình district (its town, 01726 Nguyên Bình, is lowland)
  '01729', '01738', '01747', '01768', '01774', '01777',
  // former Thạch An district, east
  '01789', '01807',
]);

export function communeProfile(commune: Pick<AreaRow, 'code' | 'kind'>): CommuneProfile {
  if (commune.kind === 'phường') return 'urban';
  return HIGHLAND.has(commune.code) ? 'highland' : 'lowland';
}
