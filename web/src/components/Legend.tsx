/** Map legend: one row per colour class with its bounds and how many areas fall in it. */
import { formatBound, NO_DATA } from '../lib/format';
import { type Classification, NO_DATA_COLOUR } from '../lib/palette';

export function Legend({ title, classification, unit, flag }: {
  title: string;
  classification: Classification;
  unit: string;
  /** An extra row for flagged areas (dashed red outline on the map). */
  flag?: { label: string; count: number };
}) {
  const { classes, noData } = classification;
  return (
    <div className="legend" aria-label={`Chú giải: ${title}`} data-testid="map-legend">
      <div className="legend-title">{title}</div>
      <ul>
        {[...classes].reverse().map((c, i) => (
          <li key={c.lower} data-colour={c.colour}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            <span className="legend-range">
              {formatBound(c.lower)} – {i === 0 ? '' : 'dưới '}{formatBound(c.upper)}
            </span>
            <span className="legend-count">{c.count} {unit}</span>
          </li>
        ))}
        <li data-colour={NO_DATA_COLOUR}>
          <span className="swatch swatch-nodata" style={{ background: NO_DATA_COLOUR }} aria-hidden="true" />
          <span className="legend-range">{NO_DATA}</span>
          <span className="legend-count">{noData} {unit}</span>
        </li>
        {flag ? (
          <li data-testid="legend-flag">
            <span className="swatch swatch-flag" aria-hidden="true" />
            <span className="legend-range legend-flag-label">⚠ {flag.label}</span>
            <span className="legend-count">{flag.count} {unit}</span>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
