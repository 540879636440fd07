/** GET /api/geo/<parentCode> → the parent's children as GeoJSON: boundaries, or points. */
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../../db/client';
import { type ResponseCache, tag } from '../../graphql/response-cache';
import { errorBody } from '../../http/api';
import { childFeatureCollection } from './queries';

const GEOJSON = 'application/geo+json; charset=utf-8';

/**
 * Mounted at /api/geo; `database` is open (the API's starting-up gate runs first). `anonymous`
 * tells a public request (no session) from a signed-in one: only public answers are cached.
 */
export function geoEndpoint(database: () => Db, cache: ResponseCache | null, anonymous: (req: Request) => boolean): RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return void res.status(405).set('Allow', 'GET, HEAD').json(errorBody('Chỉ hỗ trợ GET.', 'METHOD_NOT_ALLOWED'));
      }
      let parentCode: string;
      try {
        parentCode = decodeURIComponent(req.path.slice(1));
      } catch {
        return void res.status(400).json(errorBody('Mã địa bàn không hợp lệ.', 'BAD_REQUEST'));
      }
      const cached = cache && anonymous(req) ? cache.lookup(`GET /api/geo/${parentCode}`) : null;
      res.set('Cache-Control', 'public, max-age=300').type(GEOJSON);
      if (cached && 'hit' in cached) return void res.set('X-Cache', 'HIT').send(cached.hit);
      const body = await childFeatureCollection(database(), parentCode);
      if (cached) {
        res.set('X-Cache', 'MISS');
        cache!.store(cached.miss, body, [tag('areas', '*')]);
      }
      res.send(body);
    } catch (error) {
      next(error);
    }
  };
}
