/** The Apollo client: one HTTP link to /graphql (the session cookie goes along: same origin), areas normalised by their official code. */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri, credentials: 'same-origin' }),
    cache: new InMemoryCache({
      typePolicies: {
        Area: { keyFields: ['code'] },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-first' } },
  });
}

/** The app's one client, shared by the React tree and the route loaders that prefetch. */
export const apolloClient = createApolloClient();
