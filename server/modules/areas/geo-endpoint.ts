/** GET /api/geo/<parentCode> → the parent's children as GeoJSON: boundaries, or points. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAnonymous, type ResponseCache } from '../../graphql/response-cache';
import { errorBody, sendJson } from '../../http/json-body';
import { type EndpointFrame, readEndpoint } from '../../http/read-endpoint';
import { childFeatureCollection } from './queries';

const PREFIX = '/api/geo/';
const GEOJSON = 'application/geo+json; charset=utf-8';

export const isGeoPath = (url: string | undefined) => url?.startsWith(PREFIX) === true;

export function geoEndpoint(frame: EndpointFrame, cache: ResponseCache | null) {
  return readEndpoint(frame, async (req: IncomingMessage, res: ServerResponse, db) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 405, errorBody('Chỉ hỗ trợ GET.', 'METHOD_NOT_ALLOWED'), { Allow: 'GET, HEAD' });
    }
    const path = req.url!.split('?')[0]!.slice(PREFIX.length);
    let parentCode: string;
    try {
      parentCode = decodeURIComponent(path);
    } catch {
      return sendJson(res, 400, errorBody('Mã địa bàn không hợp lệ.', 'BAD_REQUEST'));
    }
    const cached = cache && isAnonymous(req.headers) ? cache.lookup(`GET ${PREFIX}${parentCode}`) : null;
    res.setHeader('Cache-Control', 'public, max-age=300');
    if (cached && 'hit' in cached) {
      res.setHeader('X-Cache', 'HIT');
      res.setHeader('Content-Type', cached.hit.contentType);
      return void res.end(cached.hit.body);
    }
    const body = await childFeatureCollection(db, parentCode);
    if (cached) {
      res.setHeader('X-Cache', 'MISS');
      cache!.store(cached.miss, { body, contentType: GEOJSON });
    }
    res.setHeader('Content-Type', GEOJSON);
    res.end(body);
  });
}
