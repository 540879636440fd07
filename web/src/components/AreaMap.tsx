/*
 * Offline choropleth: the children of an area as GeoJSON on a plain background (no tiles unless a
 * tile URL is configured). Polygons are filled by class colour; points (hamlets) are circles.
 * Every shape is focusable and opens its page with Enter, so the map works from the keyboard.
 */
import 'leaflet/dist/leaflet.css';
import L, { type Layer, type PathOptions } from 'leaflet';
import type { Feature, Geometry } from 'geojson';
import { useEffect, useMemo, useRef } from 'react';
import { GeoJSON, MapContainer, Pane, TileLayer, useMap } from 'react-leaflet';
import { tileLayerConfig } from '../lib/config';
import { formatCount, formatRate, NO_DATA } from '../lib/format';
import type { Classification } from '../lib/palette';
import type { AreaFeatureProps, AreaFeatures } from '../lib/useGeo';

export interface AreaValue {
  value?: number | null;
  numerator: number;
  denominator: number;
}

export interface AreaMapProps {
  features: AreaFeatures;
  values: ReadonlyMap<string, AreaValue>;
  classification: Classification;
  unit: string;
  /** Outline drawn beneath the features (the commune around its hamlets). */
  outline?: AreaFeatures;
  onOpen(code: string): void;
  label: string;
  /** Areas to flag (code → why, e.g. "có tổ nguy cơ không đạt chỉ tiêu"): a dashed red outline. */
  flagged?: ReadonlyMap<string, string>;
}

export const FLAG_COLOUR = '#b3261e';

function FitBounds({ data }: { data: AreaFeatures }) {
  const map = useMap();
  useEffect(() => {
    const bounds = L.geoJSON(data).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 13 });
  }, [map, data]);
  return null;
}

function describe(props: AreaFeatureProps, v: AreaValue | undefined, unit: string, flag?: string): string {
  const why = flag ? ` · ⚠ ${flag}` : '';
  if (!v || v.value == null) return `${props.name}: ${NO_DATA}${why}`;
  return `${props.name}: ${formatRate(v.value)} (${formatCount(v.numerator)}/${formatCount(v.denominator)} ${unit})${why}`;
}

export function AreaMap({ features, values, classification, unit, outline, onOpen, label, flagged }: AreaMapProps) {
  const tiles = tileLayerConfig();
  const open = useRef(onOpen);
  open.current = onOpen;
  // Remount the layer when the colouring changes: Leaflet keeps styles and tooltips per layer.
  const styleKey = useMemo(
    () => [...values].map(([code, v]) => `${code}:${v.value ?? ''}`).join('|') + [...(flagged?.keys() ?? [])].join(','),
    [values, flagged],
  );

  const style = (feature?: Feature<Geometry, AreaFeatureProps>): PathOptions => ({
    fillColor: classification.colourOf(feature ? values.get(feature.properties.code)?.value : null),
    fillOpacity: 0.9,
    color: '#4a4a4a',
    weight: 0.8,
    ...(feature && flagged?.has(feature.properties.code) ? { color: FLAG_COLOUR, weight: 3, dashArray: '5 3', className: 'flagged' } : {}),
  });

  const onEachFeature = (feature: Feature<Geometry, AreaFeatureProps>, layer: Layer) => {
    const text = describe(feature.properties, values.get(feature.properties.code), unit, flagged?.get(feature.properties.code));
    layer.bindTooltip(text, { sticky: true });
    layer.on('click', () => open.current(feature.properties.code));
    layer.on('add', () => {
      const element = (layer as L.Path).getElement?.();
      if (!element) return;
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'link');
      element.setAttribute('aria-label', text);
      element.setAttribute('data-code', feature.properties.code);
      element.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Enter') open.current(feature.properties.code);
      });
      element.addEventListener('focus', () => layer.openTooltip?.());
      element.addEventListener('blur', () => layer.closeTooltip?.());
    });
  };

  return (
    <div className="map" role="region" aria-label={label} data-testid="area-map">
      <MapContainer
        center={[22.7, 106.1]}
        zoom={8}
        scrollWheelZoom={false}
        zoomSnap={0.25}
        // No zoom animation: Leaflet ends one on a 250 ms timer that it does not cancel when the map
        // is removed, so a map replaced mid-zoom (the first fit, a zoom click, then the indicator
        // switched or a commune opened) threw "reading '_leaflet_pos'" in users' browsers.
        zoomAnimation={false}
        attributionControl
        style={{ height: '100%', width: '100%' }}
      >
        {tiles ? <TileLayer url={tiles.url} attribution={tiles.attribution} /> : null}
        {/* The outline's own pane sits below the overlay pane, whichever layer loads first. */}
        <Pane name="outline" style={{ zIndex: 350 }}>
          {outline ? (
            <GeoJSON data={outline} interactive={false} style={{ color: '#555', weight: 1.5, fillColor: '#f2efe6', fillOpacity: 1 }} />
          ) : null}
        </Pane>
        <GeoJSON
          key={styleKey}
          data={features}
          style={style}
          onEachFeature={onEachFeature}
          attribution="Ranh giới hành chính: vietnamese-provinces-database (MIT)"
          pointToLayer={(feature: Feature<Geometry, AreaFeatureProps>, latlng) =>
            L.circleMarker(latlng, flagged?.has(feature.properties.code)
              ? { ...style(feature), radius: 10, weight: 3.5, dashArray: undefined }
              : { ...style(feature), radius: 8, weight: 1.2 })
          }
        />
        <FitBounds data={outline ?? features} />
      </MapContainer>
    </div>
  );
}
