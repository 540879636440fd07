/*
 * Security headers (helmet) for everything served. The CSP allows the SPA's own scripts and
 * styles, inline styles (Leaflet positions its tiles and markers with style attributes), and
 * images from data: and blob: URLs (Leaflet icons, exported charts).
 */
import helmet from 'helmet';

export const securityHeaders = (production: boolean) => helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': production ? [] : null,
    },
  },
  // HSTS only means something over HTTPS, i.e. in production behind TLS.
  strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
});

/**
 * Headers of the JSON endpoints (GraphQL, GeoJSON), as OWASP's REST Security Cheat Sheet lists
 * them for APIs: the SPA's policy above is about documents, and a JSON answer is never rendered.
 * Answers may hold personal data, so nothing caches them unless an endpoint says otherwise.
 */
export function apiSecurityHeaders(production: boolean): ReadonlyArray<readonly [string, string]> {
  return [
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cache-Control', 'no-store'],
    ...(production ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const] : []),
  ];
}
