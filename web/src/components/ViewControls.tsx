/** The date and indicator pickers shared by the pages; both write to the URL. */
import { useId } from 'react';
import { monthEnds, MOVEMENT_START, todayInVietnam } from '../lib/dates';
import { formatDate, formatMonth } from '../lib/format';
import { METRICS, metricLabel } from '../lib/metrics';
import type { ViewParams } from '../lib/useViewParams';

function dateOptions(asOf: string): { value: string; label: string }[] {
  const today = todayInVietnam();
  const options = monthEnds(MOVEMENT_START, today)
    .slice(0, -1)
    .map((date) => ({ value: date, label: `Cuối tháng ${formatMonth(date)}` }))
    .reverse();
  options.unshift({ value: today, label: `Hôm nay (${formatDate(today)})` });
  if (!options.some((o) => o.value === asOf)) options.push({ value: asOf, label: formatDate(asOf) });
  return options;
}

export function DatePicker({ view }: { view: ViewParams }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>Số liệu tại ngày</label>
      <select id={id} value={view.asOf} onChange={(e) => view.set({ ngay: e.target.value === todayInVietnam() ? null : e.target.value })}>
        {dateOptions(view.asOf).map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {view.dateError ? <p className="note" role="status">{view.dateError}. Đang hiển thị số liệu hôm nay.</p> : null}
    </div>
  );
}

export function MetricPicker({ view }: { view: ViewParams }) {
  return (
    <fieldset className="control segmented">
      <legend>Chỉ số</legend>
      <div className="segmented-options">
      {METRICS.map((metric) => (
        <label key={metric} className={metric === view.metric ? 'active' : undefined}>
          <input
            type="radio"
            name="metric"
            value={metric}
            checked={metric === view.metric}
            onChange={() => view.set({ 'chi-so': metric === 'DIGITAL_FAMILY_RATE' ? null : metric })}
          />
          {metricLabel[metric]}
        </label>
      ))}
      </div>
    </fieldset>
  );
}
