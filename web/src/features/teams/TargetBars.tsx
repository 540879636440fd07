/** Targets as progress bars: achieved / target, the time elapsed as a tick, the pace status. */
import { formatCount, formatRate } from '../../lib/format';
import { metricLabel, STATUS_LABELS } from './labels';

export interface TargetLine {
  metric: string;
  targetValue: number;
  achieved: number;
  completion: number;
  elapsedShare: number;
  projected?: number | null;
  status: string;
}

/**
 * Achieved over target, uncapped: 10 of 5 is 200 %, shown as such ("vượt 5"). The API's `completion`
 * is capped at 100 % per line, as the overall completion must not let one metric make up for another.
 */
const shareOfTarget = (t: TargetLine) => (t.targetValue > 0 ? t.achieved / t.targetValue : t.completion);

export function TargetBars({ targets }: { targets: TargetLine[] }) {
  return (
    <ul className="target-bars" data-testid="target-bars">
      {targets.map((t) => {
        const share = shareOfTarget(t);
        const over = t.achieved - t.targetValue;
        return (
        <li key={t.metric} className={`target-bar status-${t.status.toLowerCase()}`} data-metric={t.metric}>
          <div className="target-bar-head">
            <span className="target-bar-name">{metricLabel(t.metric)}</span>
            <span className="target-bar-figure">
              <strong>{formatCount(t.achieved)}</strong> / {formatCount(t.targetValue)}
            </span>
          </div>
          <div
            className="bar"
            role="progressbar"
            aria-label={metricLabel(t.metric)}
            aria-valuemin={0}
            aria-valuemax={t.targetValue}
            aria-valuenow={Math.min(t.achieved, t.targetValue)}
            aria-valuetext={`${formatCount(t.achieved)} trên ${formatCount(t.targetValue)} (${formatRate(share)})`}
          >
            <span className="bar-fill" style={{ width: `${Math.min(100, t.completion * 100)}%` }} />
            <span className="bar-tick" style={{ left: `${Math.min(100, t.elapsedShare * 100)}%` }} title="Phần thời gian của kỳ đã qua" />
          </div>
          <div className="target-bar-foot">
            <span className={`status-pill status-${t.status.toLowerCase()}`}>
              {t.status === 'AT_RISK' ? '⚠ ' : ''}{STATUS_LABELS[t.status] ?? t.status}
            </span>
            <span className="muted">
              {formatRate(share)}{over > 0 ? <strong className="over-target"> · vượt {formatCount(over)}</strong> : null} · đã qua {formatRate(t.elapsedShare)} thời gian
              {t.projected != null && t.status !== 'MET' ? ` · dự báo cuối kỳ ${formatCount(Math.round(t.projected))}` : ''}
            </span>
          </div>
        </li>
        );
      })}
    </ul>
  );
}
