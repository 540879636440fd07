/**
 * Runtime options. The map has no tile layer unless a tile URL is configured: at build time with
 * VITE_TILE_URL, or at run time by a page script setting `window.__THI_DUA_SO__ = { tileUrl }`.
 */
declare global {
  interface Window {
    __THI_DUA_SO__?: { tileUrl?: string; tileAttribution?: string };
  }
}

export function tileLayerConfig(): { url: string; attribution: string } | null {
  const url = window.__THI_DUA_SO__?.tileUrl || import.meta.env.VITE_TILE_URL;
  if (!url) return null;
  return { url, attribution: window.__THI_DUA_SO__?.tileAttribution ?? import.meta.env.VITE_TILE_ATTRIBUTION ?? '' };
}

export const PROVINCE_CODE = '04';
