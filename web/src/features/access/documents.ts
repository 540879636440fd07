/** Sign-in documents: who is signed in, sign in, sign out (the session is an HttpOnly cookie). */
import { graphql } from '../../gql';

export const MeQuery = graphql(`
  query Me {
    me { username fullName role areaCodes }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) { username fullName role areaCodes }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);
