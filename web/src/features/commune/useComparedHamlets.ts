/** Loads the hamlets a chair picked for comparison, one typed query each (cached by Apollo). */
import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { ComparedHamletQuery as Result, Metric } from '../../gql/graphql';
import { MOVEMENT_START } from '../../lib/dates';
import { ComparedHamletQuery } from './documents';

export type ComparedHamlet = NonNullable<Result['area']>;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; hamlets: ComparedHamlet[] };

export function useComparedHamlets(codes: readonly string[], metric: Metric, asOf: string): State {
  const client = useApolloClient();
  const [state, setState] = useState<State>({ status: 'loading' });
  const key = codes.join(',');
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    Promise.all(
      key.split(',').filter(Boolean).map((code) =>
        client.query({ query: ComparedHamletQuery, variables: { code, metric, asOf, from: MOVEMENT_START } })),
    ).then(
      (results) => {
        if (!live) return;
        const hamlets = results.flatMap((r) => (r.data?.area ? [r.data.area] : []));
        setState({ status: 'ready', hamlets });
      },
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, key, metric, asOf]);
  return state;
}
