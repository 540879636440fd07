/**
 * Deterministic generator of the demo hamlets (xóm, bản, thôn, tổ dân phố) of Cao Bằng.
 * Real hamlet lists are not public; these names follow the local Tày–Nùng toponymy
 * (Nà = rice field, Pác = mouth, Khuổi = stream, Lũng = valley, Bó = spring, Phja = mountain…).
 */
import type { Geometry } from 'geojson';
import { type AreaRow, communeProfile, readCommuneBoundaries, readOfficialAreas } from './communes';
import { areaKm2, bbox, pointInGeometry, round5 } from './geo';
import { createRng, hashString, type Rng } from './random';

export const HAMLET_SEED = 20250701;
/** About 1,500 hamlets in the province (DOMAIN.md). */
const RURAL_HAMLETS_TARGET = 1430;

export type HamletKind = 'xóm' | 'bản' | 'thôn' | 'tổ dân phố';

export interface Hamlet {
  code: string;
  name: string;
  level: 'hamlet';
  kind: HamletKind;
  parentCode: string;
  latitude: number;
  longitude: number;
}

/** First syllables of Tày–Nùng place names. */
const PREFIXES = [
  'Nà', 'Nà', 'Nà', 'Pác', 'Pác', 'Khuổi', 'Khuổi', 'Lũng', 'Lũng', 'Bó', 'Phja', 'Cốc', 'Nặm', 'Slam', 'Pò', 'Bản',
  'Đon', 'Thang', 'Lạn', 'Tổng', 'Kéo', 'Phiêng', 'Khau', 'Pù', 'Co', 'Vằng', 'Ngườm', 'Roỏng', 'Lủng', 'Bó',
] as const;

/** Second syllables. */
const SUFFIXES = [
  'Lữ', 'Giốc', 'Ỏn', 'Ngà', 'Mạ', 'Rà', 'Lừa', 'Sáng', 'Cáy', 'Mò', 'Khao', 'Vài', 'Làng', 'Nưa', 'Pha', 'Luông',
  'Mười', 'Cháo', 'Thin', 'Tàu', 'Mỏ', 'Rẳng', 'Chang', 'Pục', 'Quân', 'Hẩu', 'Lẹng', 'Slưa', 'Kẹ', 'Nhùng', 'Kít',
  'Pheo', 'Dàm', 'Nghiều', 'Phầy', 'Lìn', 'Coóc', 'Slản', 'Thuông', 'Chủ', 'Sliến', 'Khoang', 'Mè', 'Mìa', 'Pài',
  'Cải', 'Đẩy', 'Giàng', 'Khuông', 'Tấu', 'Sỏ', 'Pàng', 'Dì', 'Rị', 'Bó', 'Lạn', 'Tổng', 'Nọi', 'Slác', 'Pẻn',
  'Mần', 'Cà', 'Thoong', 'Lầy', 'Khoen', 'Cuổi', 'Riềng', 'Gằng', 'Ngần', 'Vạc', 'Khiêng', 'Đin',
] as const;

/** Well-known names used as they are. */
const WHOLE_NAMES = ['Nà Rị', 'Pác Ngà', 'Pác Bó', 'Nà Lữ', 'Khuổi Ỏn', 'Nà Gằng', 'Lũng Rì', 'Cốc Xả', 'Nặm Pạt', 'Phja Đén'] as const;

/** Vietnamese (Kinh) names given to some lowland hamlets and to the newer settlements. */
const KINH_NAMES = [
  'Tân Sơn', 'Bình Minh', 'Hợp Nhất', 'Đoàn Kết', 'Tiến Thành', 'Phố Cũ', 'Hòa Bình', 'Đồng Tâm', 'Thống Nhất',
  'Tân An', 'Quyết Thắng', 'Hưng Thịnh', 'Tân Phong', 'Thành Công', 'Phú Cường',
] as const;

const capitalise = (kind: HamletKind): string => kind.charAt(0).toUpperCase() + kind.slice(1);

function ruralKind(rng: Rng, profile: 'lowland' | 'highland'): HamletKind {
  const r = rng.next();
  if (profile === 'highland') return r < 0.78 ? 'xóm' : r < 0.92 ? 'bản' : 'thôn';
  return r < 0.82 ? 'xóm' : r < 0.88 ? 'bản' : 'thôn';
}

/** The name part after the kind, unique within the commune. */
function ruralBaseName(rng: Rng, kind: HamletKind, profile: 'lowland' | 'highland', used: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let base: string;
    const r = rng.next();
    if (kind === 'bản') base = rng.pick(SUFFIXES);
    else if (r < 0.04) base = rng.pick(WHOLE_NAMES);
    else if (profile === 'lowland' && r < 0.1) base = rng.pick(KINH_NAMES);
    else base = `${rng.pick(PREFIXES)} ${rng.pick(SUFFIXES)}`;
    const [first, second] = base.split(' ');
    if (first === second) continue;
    if (!used.has(base.toLowerCase())) {
      used.add(base.toLowerCase());
      return base;
    }
  }
  throw new Error('ran out of hamlet names');
}

/** Spreads points over the commune: Mitchell's best candidate among points drawn inside the polygon. */
function placePoints(rng: Rng, geometry: Geometry, count: number): Array<{ latitude: number; longitude: number }> {
  const box = bbox(geometry);
  const points: Array<{ latitude: number; longitude: number }> = [];
  const drawInside = (): { latitude: number; longitude: number } => {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const longitude = round5(box.minLon + rng.next() * (box.maxLon - box.minLon));
      const latitude = round5(box.minLat + rng.next() * (box.maxLat - box.minLat));
      if (pointInGeometry(longitude, latitude, geometry)) return { latitude, longitude };
    }
    throw new Error('could not place a point inside the commune');
  };
  for (let i = 0; i < count; i++) {
    let best = drawInside();
    let bestDistance = -1;
    for (let c = 0; c < 6; c++) {
      const candidate = c === 0 ? best : drawInside();
      let nearest = Infinity;
      for (const p of points) nearest = Math.min(nearest, (p.latitude - candidate.latitude) ** 2 + (p.longitude - candidate.longitude) ** 2);
      if (nearest > bestDistance) {
        bestDistance = nearest;
        best = candidate;
      }
    }
    points.push(best);
  }
  return points;
}

interface Plan {
  commune: AreaRow;
  geometry: Geometry;
  wardBlocks: number;
  ruralHamlets: number;
}

function plan(): Plan[] {
  const { communes } = readOfficialAreas();
  const boundaries = readCommuneBoundaries();
  const planned = communes.map((commune) => {
    const geometry = boundaries.get(commune.code);
    if (!geometry) throw new Error(`no boundary for commune ${commune.code}`);
    const rng = createRng(hashString(commune.code, HAMLET_SEED));
    const area = areaKm2(geometry);
    const profile = communeProfile(commune);
    if (profile === 'urban') {
      // Wards: 10–30 tổ dân phố, plus a few xóm on the outskirts of the larger ones.
      const blocks = Math.max(10, Math.min(30, Math.round(12 + area / 6)));
      return { commune, geometry, wardBlocks: blocks, ruralHamlets: Math.round(area / 20), weight: 0 };
    }
    // Highland communes: more, smaller hamlets for the same area.
    const weight = area * (profile === 'highland' ? 1.25 : 1) * (0.85 + 0.3 * rng.next());
    return { commune, geometry, wardBlocks: 0, ruralHamlets: 0, weight };
  });
  const totalWeight = planned.reduce((s, p) => s + p.weight, 0);
  for (const p of planned) {
    if (p.weight > 0) p.ruralHamlets = Math.max(12, Math.round((p.weight / totalWeight) * RURAL_HAMLETS_TARGET));
  }
  return planned;
}

/** All hamlets, ordered by commune code then sequence. Same output on every run. */
export function generateHamlets(): Hamlet[] {
  const hamlets: Hamlet[] = [];
  for (const { commune, geometry, wardBlocks, ruralHamlets } of plan()) {
    const rng = createRng(hashString(`${commune.code}/names`, HAMLET_SEED));
    const profile = communeProfile(commune);
    const entries: Array<{ kind: HamletKind; name: string }> = [];
    for (let i = 1; i <= wardBlocks; i++) entries.push({ kind: 'tổ dân phố', name: `Tổ dân phố ${i}` });
    const used = new Set<string>();
    for (let i = 0; i < ruralHamlets; i++) {
      const kind = profile === 'urban' ? 'xóm' : ruralKind(rng, profile);
      const base = ruralBaseName(rng, kind, profile === 'highland' ? 'highland' : 'lowland', used);
      entries.push({ kind, name: `${capitalise(kind)} ${base}`.normalize('NFC') });
    }
    const points = placePoints(createRng(hashString(`${commune.code}/points`, HAMLET_SEED)), geometry, entries.length);
    entries.forEach((entry, i) => {
      const point = points[i];
      if (!point) throw new Error('missing point');
      hamlets.push({
        code: `${commune.code}-${String(i + 1).padStart(3, '0')}`,
        name: entry.name,
        level: 'hamlet',
        kind: entry.kind,
        parentCode: commune.code,
        ...point,
      });
    });
  }
  return hamlets;
}

export const HAMLET_CSV_HEADER = 'code,name,level,kind,parent_code,latitude,longitude';

export function hamletsToCsv(hamlets: Hamlet[]): string {
  const lines = hamlets.map((h) => [h.code, h.name, h.level, h.kind, h.parentCode, h.latitude.toFixed(5), h.longitude.toFixed(5)].join(','));
  return [HAMLET_CSV_HEADER, ...lines].join('\n') + '\n';
}
