/** Planar geometry helpers on WGS84 polygons, good enough at the scale of a commune. */
import type { Geometry, Position } from 'geojson';

export type Ring = Position[];
/** A polygon as outer ring followed by holes. */
export type PolygonRings = Ring[];

export function polygonsOf(geometry: Geometry): PolygonRings[] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`expected a (Multi)Polygon, got ${geometry.type}`);
}

function x(p: Position): number {
  return p[0] as number;
}
function y(p: Position): number {
  return p[1] as number;
}

/** Ray casting (even-odd): true when (lon, lat) is inside the ring. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    if (y(a) > lat !== y(b) > lat && lon < ((x(b) - x(a)) * (lat - y(a))) / (y(b) - y(a)) + x(a)) inside = !inside;
  }
  return inside;
}

export function pointInGeometry(lon: number, lat: number, geometry: Geometry): boolean {
  return polygonsOf(geometry).some((rings) => {
    const [outer, ...holes] = rings;
    return outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
  });
}

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export function bbox(geometry: Geometry): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const rings of polygonsOf(geometry)) {
    for (const p of rings[0] ?? []) {
      box.minLon = Math.min(box.minLon, x(p));
      box.maxLon = Math.max(box.maxLon, x(p));
      box.minLat = Math.min(box.minLat, y(p));
      box.maxLat = Math.max(box.maxLat, y(p));
    }
  }
  return box;
}

/** Signed shoelace area of a ring in square degrees, and its centroid. */
function ringMoments(ring: Ring): { area: number; cx: number; cy: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    const cross = x(a) * y(b) - x(b) * y(a);
    area += cross;
    cx += (x(a) + x(b)) * cross;
    cy += (y(a) + y(b)) * cross;
  }
  return { area: area / 2, cx, cy };
}

/** Area in km² (equirectangular projection at the polygon's latitude). */
export function areaKm2(geometry: Geometry): number {
  let degrees = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const a = Math.abs(ringMoments(ring).area);
      degrees += i === 0 ? a : -a;
    });
  }
  const box = bbox(geometry);
  const lat = ((box.minLat + box.maxLat) / 2) * (Math.PI / 180);
  return degrees * 111.32 * 111.32 * Math.cos(lat);
}

/** Area-weighted centroid; when it falls outside (a concave commune), the best inside point of a grid. */
export function labelPoint(geometry: Geometry): { latitude: number; longitude: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const m = ringMoments(ring);
      const sign = Math.sign(m.area) * (i === 0 ? 1 : -1);
      a += Math.abs(m.area) * (i === 0 ? 1 : -1);
      cx += m.cx * sign;
      cy += m.cy * sign;
    });
  }
  let lon = cx / (6 * a);
  let lat = cy / (6 * a);
  if (!pointInGeometry(lon, lat, geometry)) {
    // Take the inside grid point closest to the centroid.
    const box = bbox(geometry);
    let best: [number, number] | undefined;
    let bestDistance = Infinity;
    const steps = 40;
    for (let i = 1; i < steps; i++) {
      for (let j = 1; j < steps; j++) {
        const px = box.minLon + ((box.maxLon - box.minLon) * i) / steps;
        const py = box.minLat + ((box.maxLat - box.minLat) * j) / steps;
        if (!pointInGeometry(px, py, geometry)) continue;
        const d = (px - lon) ** 2 + (py - lat) ** 2;
        if (d < bestDistance) {
          bestDistance = d;
          best = [px, py];
        }
      }
    }
    if (!best) throw new Error('no inside point found');
    [lon, lat] = best;
  }
  return { latitude: round5(lat), longitude: round5(lon) };
}

export function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
