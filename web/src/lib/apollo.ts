/** The Apollo client: one HTTP link to /graphql, areas normalised by their official code. */
import { ApolloClient, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { RetryLink } from '@apollo/client/link/retry';

/**
 * On the very first start the server answers 503 while it loads the demo data: wait and retry
 * (every 2 s, up to 2 minutes) instead of showing an error.
 */
const waitWhileStarting = new RetryLink({
  delay: { initial: 2000, max: 2000, jitter: false },
  attempts: { max: 60, retryIf: (error) => ServerError.is(error) && error.statusCode === 503 },
});

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: waitWhileStarting.concat(new HttpLink({ uri })),
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
