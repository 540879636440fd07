/** The nomination state machine: which transitions exist, and a Vietnamese refusal for the others. */
import { ConflictError } from '../../errors';

export type NominationState =
  | 'draft' | 'submitted' | 'eligible' | 'ineligible' | 'under_review' | 'posted' | 'approved' | 'rejected';

export const STATE_LABELS: Record<NominationState, string> = {
  draft: 'Nháp',
  submitted: 'Đã gửi',
  eligible: 'Đủ điều kiện',
  ineligible: 'Không đủ điều kiện',
  under_review: 'Hội đồng đang xét',
  posted: 'Đang niêm yết công khai',
  approved: 'Được khen thưởng',
  rejected: 'Không được khen thưởng',
};

/**
 * draft → submitted → eligible / ineligible → under_review → posted → approved / rejected.
 * A nomination the committee turns down is rejected without being posted; a posted one can still
 * be rejected after citizens' comments.
 */
export const TRANSITIONS: Record<NominationState, readonly NominationState[]> = {
  draft: ['submitted'],
  submitted: ['eligible', 'ineligible'],
  eligible: ['under_review'],
  ineligible: [],
  under_review: ['posted', 'rejected'],
  posted: ['approved', 'rejected'],
  approved: [],
  rejected: [],
};

export const ALL_STATES = Object.keys(TRANSITIONS) as NominationState[];

export const canTransition = (from: NominationState, to: NominationState) => TRANSITIONS[from].includes(to);

export function assertTransition(from: NominationState, to: NominationState): void {
  if (canTransition(from, to)) return;
  throw new ConflictError(
    `Không thể chuyển hồ sơ từ trạng thái «${STATE_LABELS[from]}» sang «${STATE_LABELS[to]}».`,
    { from, to },
  );
}
