/** Đăng nhập: username and password; errors in Vietnamese (wrong credentials, too many attempts, offline). */
import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { SignInMutation } from './documents';
import { homeOf } from './session';
import { signInErrorMessage } from './roles';
import { PageTitle } from '../../components/PageTitle';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [signIn, { loading }] = useMutation(SignInMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    if (!username.trim() || !password) {
      setMessage('Hãy nhập tên đăng nhập và mật khẩu.');
      return;
    }
    try {
      const { data } = await signIn({ variables: { username: username.trim(), password } });
      if (!data) return;
      // Everything cached so far was read as someone else (or nobody): start afresh.
      await client.resetStore();
      const next = params.get('tiep');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(data.signIn), { replace: true });
    } catch (error) {
      setMessage(signInErrorMessage(error));
    }
  }

  return (
    <div className="page sign-in">
      <form className="panel form sign-in-form" onSubmit={submit} noValidate aria-labelledby="sign-in-title">
        <PageTitle>Đăng nhập</PageTitle>
        <h1 id="sign-in-title">Đăng nhập</h1>
        <p className="lead">Dành cho cán bộ tỉnh, xã và tổ trưởng Tổ công nghệ số cộng đồng.</p>
        <label className="field">
          <span>Tên đăng nhập</span>
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} value={username}
            onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label className="field">
          <span>Mật khẩu</span>
          <input name="password" type="password" autoComplete="current-password" value={password}
            onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {message ? <p className="form-error" role="alert">{message}</p> : null}
        <button type="submit" className="button button-primary" disabled={loading}>
          {loading ? 'Đang đăng nhập…' : 'Đăng nhập'}
        </button>
      </form>
    </div>
  );
}
