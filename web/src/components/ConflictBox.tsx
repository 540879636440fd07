import type { ReactNode } from 'react';

/**
 * A save refused because someone else changed the record meanwhile (CONFLICT): nothing was
 * overwritten; `children` says what the record holds now against what was typed.
 */
export function ConflictBox({ subject, children, onReload, reloading, testId }: {
  /** What was changed, as the sentence starts: "Chỉ tiêu", "Chợ". */
  subject: string;
  children: ReactNode;
  onReload: () => void;
  reloading: boolean;
  testId: string;
}) {
  return (
    <div className="conflict-box" role="alert" data-testid={testId}>
      <p><strong>{subject} vừa được người khác sửa</strong> trong lúc bạn đang nhập. Số của bạn <strong>chưa được lưu</strong>, không có gì bị ghi đè.</p>
      {children}
      <p>Tải lại để xem số mới nhất, rồi sửa lại nếu vẫn cần.</p>
      <button type="button" className="button button-primary" onClick={onReload} disabled={reloading}>
        {reloading ? 'Đang tải lại…' : 'Tải lại số mới nhất'}
      </button>
    </div>
  );
}
