/** The phone-first entry form: the record goes to the browser's queue first, then to the server. */
import { type FormEvent, useState } from 'react';
import { formatCount } from '../../lib/format';
import { MOVEMENT_START, todayInVietnam } from '../../lib/dates';
import { LOGGED_METRICS, metricLabel } from './labels';
import { activityQueue, flushQueue, useActivityQueue } from './useActivityQueue';

interface Props {
  hamlets: { code: string; name: string }[];
}

export function ActivityForm({ hamlets }: Props) {
  const today = todayInVietnam();
  const [activityOn, setActivityOn] = useState(today);
  const [hamletCode, setHamletCode] = useState(hamlets[0]?.code ?? '');
  const [metric, setMetric] = useState<string>(LOGGED_METRICS[0]);
  const [quantity, setQuantity] = useState('1');
  const [householdCode, setHouseholdCode] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  /** The record saved last: what the confirmation under the form talks about. */
  const [lastId, setLastId] = useState<string | null>(null);
  const { records, online } = useActivityQueue();
  const waiting = records.filter((r) => !r.rejected);
  const rejected = records.filter((r) => r.rejected);

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(quantity);
    setLastId(null);
    if (!hamletCode) return setMessage({ kind: 'error', text: 'Hãy chọn thôn, xóm.' });
    if (!Number.isInteger(n) || n <= 0) return setMessage({ kind: 'error', text: 'Số lượng phải là số nguyên dương.' });
    if (n > 1000) return setMessage({ kind: 'error', text: 'Số lượng quá lớn cho một bản ghi (tối đa 1.000): hãy kiểm tra lại.' });
    if (!activityOn || activityOn > today) return setMessage({ kind: 'error', text: 'Ngày hoạt động không được ở tương lai.' });
    const record = activityQueue.enqueue({
      hamletCode, metric, quantity: n, activityOn,
      householdCode: householdCode.trim() || null, note: note.trim() || null,
    });
    setQuantity('1');
    setHouseholdCode('');
    setNote('');
    setMessage(null);
    setLastId(record.clientId);
    void flushQueue();
  }

  const last = lastId ? records.find((r) => r.clientId === lastId) : undefined;
  const shown = message ?? (!lastId ? null : !last ? { kind: 'ok' as const, text: 'Đã gửi bản ghi lên máy chủ.' }
    : last.rejected ? { kind: 'error' as const, text: `Máy chủ từ chối bản ghi: ${last.rejected}` }
    : online ? { kind: 'ok' as const, text: 'Đã lưu trên máy, đang gửi lên máy chủ…' }
    : { kind: 'ok' as const, text: 'Đã lưu trên máy. Bản ghi sẽ được gửi khi có mạng trở lại.' });

  return (
    <form className="panel form activity-form" onSubmit={submit} noValidate aria-labelledby="activity-form-title">
      <div className="panel-head">
        <h2 id="activity-form-title">Ghi nhận hoạt động</h2>
        <span className={`queue-status ${waiting.length ? 'queue-waiting' : ''}`} role="status" aria-live="polite" data-testid="queue-status">
          {waiting.length
            ? `${formatCount(waiting.length)} bản ghi chưa gửi${online ? '' : ' · đang mất mạng'}`
            : online ? 'Đã gửi hết' : 'Đang mất mạng: bản ghi sẽ chờ trên máy'}
        </span>
      </div>
      <div className="form-grid">
        <label className="field">
          <span>Ngày</span>
          <input type="date" name="activityOn" value={activityOn} max={today} min={MOVEMENT_START} onChange={(e) => setActivityOn(e.target.value)} required />
        </label>
        <label className="field">
          <span>Thôn, xóm</span>
          <select name="hamletCode" value={hamletCode} onChange={(e) => setHamletCode(e.target.value)} required>
            {hamlets.map((h) => <option key={h.code} value={h.code}>{h.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Loại hoạt động</span>
          <select name="metric" value={metric} onChange={(e) => setMetric(e.target.value)}>
            {LOGGED_METRICS.map((m) => <option key={m} value={m}>{metricLabel(m)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>Số lượng</span>
          <input name="quantity" type="number" inputMode="numeric" min={1} max={1000} step={1} value={quantity}
            onChange={(e) => setQuantity(e.target.value)} required />
        </label>
        <label className="field">
          <span>Mã hộ <small>(không bắt buộc)</small></span>
          <input name="householdCode" value={householdCode} autoCapitalize="characters" spellCheck={false}
            onChange={(e) => setHouseholdCode(e.target.value)} />
        </label>
        <label className="field field-wide">
          <span>Ghi chú <small>(không bắt buộc)</small></span>
          <textarea name="note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      {shown ? <p className={shown.kind === 'error' ? 'form-error' : 'form-ok'} role={shown.kind === 'error' ? 'alert' : 'status'}>{shown.text}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">Lưu hoạt động</button>
        {waiting.length && online ? (
          <button type="button" className="button" onClick={() => void flushQueue()}>Gửi ngay</button>
        ) : null}
      </div>
      {rejected.length ? (
        <div className="rejected" role="alert">
          <h3>Bản ghi bị máy chủ từ chối ({formatCount(rejected.length)})</h3>
          <ul>
            {rejected.map((r) => (
              <li key={r.clientId}>
                {r.activityOn.split('-').reverse().join('/')} · {metricLabel(r.metric)} · {formatCount(r.quantity)}: {r.rejected}{' '}
                <button type="button" className="button button-quiet" onClick={() => activityQueue.remove(r.clientId)}>Bỏ bản ghi này</button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
