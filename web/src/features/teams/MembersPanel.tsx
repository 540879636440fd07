/*
 * The team's members (personal data: the API gives them only to staff whose scope covers the team):
 * role, organisation, Đại sứ số, active or not. The commune and the province add members and
 * deactivate or reactivate them (never delete: the history of who did what stays).
 */
import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { MemberOrganisation, MemberRole, TeamMemberFieldsFragment } from '../../gql/graphql';
import { viCollator } from '../../lib/collate';
import { apiErrorOf } from '../../lib/errors';
import { formatCount, formatDate } from '../../lib/format';
import { AddTeamMemberMutation, UpdateTeamMemberMutation } from './documents';
import { todayInVietnam } from '../../lib/dates';
import { MEMBER_ROLE_LABELS, ORGANISATION_LABELS } from './labels';

const ROLE_ORDER = ['LEADER', 'DEPUTY', 'MEMBER'];
const inputOf = (m: TeamMemberFieldsFragment) => ({
  fullName: m.fullName, phone: m.phone, role: m.role, organisation: m.organisation, isAmbassador: m.isAmbassador, active: m.active, joinedOn: m.joinedOn,
});

export function MembersPanel({ teamId, members, canManage, onChanged }: {
  teamId: number;
  members: readonly TeamMemberFieldsFragment[];
  canManage: boolean;
  onChanged(): Promise<unknown>;
}) {
  const [update] = useMutation(UpdateTeamMemberMutation);
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const sorted = useMemo(() => [...members].sort((a, b) =>
    Number(b.active) - Number(a.active) || ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || viCollator.compare(a.fullName, b.fullName)), [members]);
  const active = members.filter((m) => m.active);

  async function toggle(member: TeamMemberFieldsFragment) {
    setBusy(member.id);
    setMessage(null);
    try {
      await update({ variables: { id: member.id, input: { ...inputOf(member), active: !member.active } } });
      await onChanged();
      setMessage({ kind: 'ok', text: member.active ? `${member.fullName} đã chuyển sang ngừng hoạt động.` : `${member.fullName} hoạt động trở lại.` });
    } catch (error) {
      setMessage({ kind: 'error', text: apiErrorOf(error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" aria-labelledby="members-title" data-testid="team-members">
      <div className="panel-head">
        <h2 id="members-title">Thành viên</h2>
        <span className="muted">
          {formatCount(active.length)} đang hoạt động · {formatCount(active.filter((m) => m.isAmbassador).length)} Đại sứ số
          {members.length > active.length ? ` · ${formatCount(members.length - active.length)} ngừng hoạt động` : ''}
        </span>
      </div>
      {members.length === 0 ? (
        <p className="muted">Chưa có thành viên nào trong danh sách (hoặc tài khoản này không được xem danh sách thành viên).</p>
      ) : (
        <div className="table-scroll">
          <table className="members-table stack-on-phone">
            <thead>
              <tr>
                <th scope="col">Họ tên</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Tổ chức</th>
                <th scope="col">Đại sứ số</th>
                <th scope="col">Điện thoại</th>
                <th scope="col">Trạng thái</th>
                {canManage ? <th scope="col"><span className="sr-only">Thao tác</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr key={m.id} className={m.active ? '' : 'inactive'} data-member={m.fullName}>
                  <th scope="row">{m.fullName}</th>
                  <td data-label="Vai trò">{MEMBER_ROLE_LABELS[m.role] ?? m.role}</td>
                  <td data-label="Tổ chức">{ORGANISATION_LABELS[m.organisation] ?? m.organisation}</td>
                  <td data-label="Đại sứ số" className={m.isAmbassador ? '' : 'blank-on-phone'}>{m.isAmbassador ? <span className="badge badge-ambassador">Đại sứ số</span> : '—'}</td>
                  <td data-label="Điện thoại" className={m.phone ? '' : 'blank-on-phone'}>{m.phone ?? '—'}</td>
                  <td data-label="Trạng thái">
                    <span>
                      {m.active ? 'Đang hoạt động' : 'Ngừng hoạt động'}
                      {m.joinedOn ? <small className="muted"> · từ {formatDate(m.joinedOn)}</small> : null}
                    </span>
                  </td>
                  {canManage ? (
                    <td className="member-action">
                      <button type="button" className="button" disabled={busy === m.id} onClick={() => void toggle(m)}
                        aria-label={`${m.active ? 'Cho ngừng hoạt động' : 'Cho hoạt động lại'}: ${m.fullName}`}>
                        {busy === m.id ? 'Đang lưu…' : m.active ? 'Cho ngừng hoạt động' : 'Cho hoạt động lại'}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {message ? <p className={message.kind === 'error' ? 'form-error' : 'form-ok'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p> : null}
      {canManage ? (
        adding ? (
          <AddMemberForm teamId={teamId} onDone={async (name) => {
            setAdding(false);
            if (name) {
              await onChanged();
              setMessage({ kind: 'ok', text: `Đã thêm ${name} vào tổ.` });
            }
          }} />
        ) : (
          <div className="form-actions">
            <button type="button" className="button" onClick={() => { setAdding(true); setMessage(null); }}>Thêm thành viên</button>
          </div>
        )
      ) : null}
    </section>
  );
}

function AddMemberForm({ teamId, onDone }: { teamId: number; onDone(name: string | null): Promise<void> }) {
  const [add, { loading }] = useMutation(AddTeamMemberMutation);
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<MemberRole>('MEMBER');
  const [organisation, setOrganisation] = useState<MemberOrganisation>('YOUTH_UNION');
  const [isAmbassador, setAmbassador] = useState(false);
  const [joinedOn, setJoinedOn] = useState(todayInVietnam());
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), phone: useId(), role: useId(), org: useId(), joined: useId(), amb: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!fullName.trim()) return setError('Hãy nhập họ tên thành viên.');
    setError(null);
    try {
      const result = await add({ variables: { teamId, input: {
        fullName, phone: phone.trim() || null, role, organisation, isAmbassador, active: true, joinedOn: joinedOn || null,
      } } });
      await onDone(result.data?.addTeamMember.fullName ?? fullName.trim());
    } catch (e) {
      setError(apiErrorOf(e).message);
    }
  }

  return (
    <form className="form add-member" onSubmit={submit} noValidate aria-labelledby={`${ids.name}-title`}>
      <h3 id={`${ids.name}-title`}>Thêm thành viên</h3>
      <div className="form-grid">
        <label className="field" htmlFor={ids.name}>
          <span>Họ tên</span>
          <input id={ids.name} value={fullName} onChange={(e) => setFullName(e.target.value)} autoComplete="off" required />
        </label>
        <label className="field" htmlFor={ids.phone}>
          <span>Điện thoại <small>(không bắt buộc)</small></span>
          <input id={ids.phone} type="tel" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        <label className="field" htmlFor={ids.role}>
          <span>Vai trò</span>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {Object.entries(MEMBER_ROLE_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={ids.org}>
          <span>Tổ chức</span>
          <select id={ids.org} value={organisation} onChange={(e) => setOrganisation(e.target.value as MemberOrganisation)}>
            {Object.entries(ORGANISATION_LABELS).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </label>
        <label className="field" htmlFor={ids.joined}>
          <span>Ngày tham gia</span>
          <input id={ids.joined} type="date" value={joinedOn} max={todayInVietnam()} onChange={(e) => setJoinedOn(e.target.value)} />
        </label>
        <label className="field checkbox-field" htmlFor={ids.amb}>
          <input id={ids.amb} type="checkbox" checked={isAmbassador} onChange={(e) => setAmbassador(e.target.checked)} />
          <span>Đại sứ số</span>
        </label>
      </div>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={loading}>{loading ? 'Đang lưu…' : 'Thêm vào tổ'}</button>
        <button type="button" className="button" onClick={() => void onDone(null)}>Hủy</button>
      </div>
    </form>
  );
}
