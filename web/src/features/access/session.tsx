/** The signed-in user (or null), the header's user block, and where each role lands after signing in. */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { MeQuery, SignOutMutation } from './documents';
import { roleLabel } from './roles';

export interface SessionUser {
  username: string;
  fullName: string;
  role: string;
  areaCodes: string[];
}

export function useMe(): { me: SessionUser | null; loading: boolean } {
  const { data, loading } = useQuery(MeQuery, { fetchPolicy: 'cache-first' });
  return { me: data?.me ?? null, loading: loading && !data };
}

/** Team leaders go to their team; commune staff to their commune; the province to the overview. */
export function homeOf(user: SessionUser): string {
  if (user.role === 'TEAM_LEADER') return '/to';
  if ((user.role === 'COMMUNE_CHAIR' || user.role === 'COMMUNE_OFFICER') && user.areaCodes[0]) return `/xa/${user.areaCodes[0]}`;
  return '/';
}

export function UserMenu() {
  const { me, loading } = useMe();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [signOut, { loading: leaving }] = useMutation(SignOutMutation);
  if (loading) return null;
  if (!me) {
    if (pathname === '/dang-nhap') return null;
    return <Link className="user-menu-link" to={`/dang-nhap?tiep=${encodeURIComponent(pathname + search)}`}>Đăng nhập</Link>;
  }
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-name">
        <strong>{me.fullName}</strong>
        <small>{roleLabel(me.role)}</small>
      </span>
      <button
        type="button"
        className="button button-quiet"
        disabled={leaving}
        onClick={async () => {
          try {
            await signOut();
          } finally {
            navigate('/');
            // Drop what was read as this user; active queries (the header's "me") read again.
            await client.resetStore().catch(() => undefined);
          }
        }}
      >
        Đăng xuất
      </button>
    </div>
  );
}
