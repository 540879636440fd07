/** Boundaries and points of a parent's children, from GET /api/geo/<parentCode>. */
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';

export interface AreaFeatureProps {
  code: string;
  name: string;
  kind: string;
  level: string;
}

export type AreaFeatures = FeatureCollection<Geometry, AreaFeatureProps>;

type GeoState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: AreaFeatures };

const cache = new Map<string, Promise<AreaFeatures>>();

/** Like the GraphQL link: while the server is starting up (503, first start) wait and retry, up to 2 minutes. */
async function fetchWhileStarting(url: string, attempts = 60): Promise<Response> {
  const response = await fetch(url);
  if (response.status !== 503 || attempts <= 1) return response;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return fetchWhileStarting(url, attempts - 1);
}

export function fetchGeo(parentCode: string): Promise<AreaFeatures> {
  let request = cache.get(parentCode);
  if (!request) {
    request = fetchWhileStarting(`/api/geo/${encodeURIComponent(parentCode)}`).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as AreaFeatures;
    });
    request.catch(() => cache.delete(parentCode));
    cache.set(parentCode, request);
  }
  return request;
}

export function useGeo(parentCode: string): GeoState {
  const [state, setState] = useState<GeoState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    fetchGeo(parentCode).then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [parentCode]);
  return state;
}
