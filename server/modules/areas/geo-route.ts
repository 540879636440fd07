import { Router } from 'express';
import type { Feature, FeatureCollection } from 'geojson';
import type { Db } from '../../db/client';
import { childFeatures } from './queries';

/** GET /api/geo/:parentCode → the parent's children as GeoJSON: boundaries, or points. */
export function geoRouter(db: Db): Router {
  const router = Router();
  router.get('/:parentCode', async (req, res, next) => {
    try {
      const rows = await childFeatures(db, req.params.parentCode);
      const features: Feature[] = rows.flatMap(({ geometry, latitude, longitude, ...properties }) => {
        const shape = geometry ?? (latitude !== null && longitude !== null
          ? { type: 'Point' as const, coordinates: [longitude, latitude] } : null);
        return shape ? [{ type: 'Feature' as const, geometry: shape, properties }] : [];
      });
      const collection: FeatureCollection = { type: 'FeatureCollection', features };
      res.set('Cache-Control', 'public, max-age=300').json(collection);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
