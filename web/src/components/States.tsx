/** Loading, error and empty states that say what happened and what to do, in Vietnamese. */
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> Đang tải {what}…
    </div>
  );
}

export function ErrorState({ what, error, onRetry }: { what: string; error?: { message: string }; onRetry?: () => void }) {
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  return (
    <div className="state state-error" role="alert">
      <strong>Không tải được {what}.</strong>{' '}
      {offline ? 'Máy đang mất kết nối mạng; hãy kiểm tra kết nối rồi thử lại.' : 'Máy chủ chưa trả lời được; hãy thử lại sau ít phút.'}
      {error?.message ? <small className="state-detail"> (Chi tiết: {error.message})</small> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Thử lại
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
