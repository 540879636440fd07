/** Page frame: header with navigation that keeps the chosen date and indicator, main area. */
import { roleLabel } from '../features/access/roles';
import { todayInVietnam } from '../lib/dates';
import { formatDate } from '../lib/format';
import { useViewParams } from '../lib/useViewParams';
import { UserMenu, useMe } from '../features/access/session';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigation, useRouteError } from 'react-router-dom';
import { PageTitle } from './PageTitle';

function keepParams(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['ngay', 'chi-so']) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

/** The awards steps each role works on (the pages check the role again, and the API does). */
const ROLE_LINKS: Record<string, { to: string; label: string }[]> = {
  PROVINCE_ADMIN: [{ to: '/dot-xet', label: 'Đợt xét' }, { to: '/ket-qua', label: 'Kết quả xét' }],
  PROVINCE_LEADER: [{ to: '/ket-qua', label: 'Kết quả xét' }],
  COMMUNE_CHAIR: [{ to: '/de-cu', label: 'Đề cử khen thưởng' }],
  COMMITTEE_MEMBER: [{ to: '/hoi-dong', label: 'Hội đồng xét' }, { to: '/ket-qua', label: 'Kết quả xét' }],
};

export function Layout() {
  const { pathname, search } = useLocation();
  const { me } = useMe();
  // On a phone the menu folds behind a button (the header would otherwise take a quarter of the screen).
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [pathname]);
  const navigation = useNavigation();
  const query = keepParams(search);
  const role = me?.role ?? '';
  return (
    <>
      <a className="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
      <header className="site-header">
        <Link to={`/${query}`} className="brand">
          <span className="brand-mark" aria-hidden="true">TĐS</span>
          <span>
            <strong>Thi đua số</strong>
            <small>Bình dân học vụ số · Cao Bằng</small>
          </span>
        </Link>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav"
          onClick={() => setMenuOpen((open) => !open)}>
          <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
        </button>
        <nav id="main-nav" aria-label="Điều hướng chính" className={menuOpen ? 'open' : undefined}>
          <NavLink to={`/${query}`} end>Tổng quan tỉnh</NavLink>
          <NavLink to={`/bang-xep-hang${query}`}>Bảng xếp hạng</NavLink>
          <NavLink to="/bang-vang">Bảng vàng</NavLink>
          <NavLink to="/niem-yet">Niêm yết công khai</NavLink>
          <NavLink to="/xac-minh">Xác minh giấy khen</NavLink>
          <NavLink to="/chien-dich">Chiến dịch</NavLink>
          <NavLink to="/cho-so">Chợ số</NavLink>
          {['TEAM_LEADER', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'].includes(role) ? <NavLink to="/to" end>{role === 'TEAM_LEADER' ? 'Tổ của tôi' : 'Các tổ'}</NavLink> : null}
          {['PROVINCE_ADMIN', 'PROVINCE_LEADER', 'COMMUNE_CHAIR', 'COMMUNE_OFFICER'].includes(role) ? <NavLink to="/chi-tieu">Chỉ tiêu</NavLink> : null}
          {(me ? ROLE_LINKS[me.role] ?? [] : []).map((l) => <NavLink key={l.to} to={l.to}>{l.label}</NavLink>)}
          {/* On a phone the header has no room for the user's name: it is shown in the opened menu. */}
          {me ? <span className="nav-user">{me.fullName} · {roleLabel(me.role)}</span> : null}
        </nav>
        <UserMenu />
      </header>
      {navigation.state === 'loading' ? <div className="route-progress" role="status">Đang mở trang…</div> : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <PrintFooter />
    </>
  );
}

export function NotFound() {
  return (
    <div className="state state-empty">
      <PageTitle>Không tìm thấy trang</PageTitle>
      <h1>Không tìm thấy trang</h1>
      <p>Đường dẫn này không có trong Thi đua số. <Link to="/">Về trang tổng quan tỉnh</Link>.</p>
    </div>
  );
}

export function RouteError() {
  const error = useRouteError();
  return (
    <main className="state state-error" role="alert">
      <PageTitle>Đã có lỗi khi mở trang</PageTitle>
      <h1>Đã có lỗi khi mở trang</h1>
      <p>Hãy tải lại trang. Nếu vẫn lỗi, báo cho quản trị viên kèm nội dung sau:</p>
      <pre>{error instanceof Error ? error.message : String(error)}</pre>
      <a href="/">Về trang tổng quan tỉnh</a>
    </main>
  );
}

/**
 * Printed at the foot of every sheet (CSS page-margin boxes): which day's figures, the day it was
 * printed, the page's address, and "Trang 2/5".
 */
function PrintFooter() {
  const { asOf } = useViewParams();
  useLocation();
  const left = `Thi đua số · số liệu tại ngày ${formatDate(asOf)} · in ngày ${formatDate(todayInVietnam())} · ${window.location.href}`;
  return <style>{`@page { @bottom-left { content: ${JSON.stringify(left)}; } }`}</style>;
}
