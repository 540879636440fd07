/*
 * Imported first by main.tsx: on the overview (the page leaders open first) its requests go out as
 * soon as the GraphQL client is evaluated, before React, the router and the first render, instead
 * of when the route loader runs. The loader asks again and joins the requests in flight (Apollo
 * deduplicates identical queries; fetchGeo shares its promise).
 */
import { prefetchOverview } from './features/overview/prefetch';

if (window.location.pathname === '/') prefetchOverview(new URL(window.location.href));
