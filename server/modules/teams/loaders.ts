import DataLoader from 'dataloader';
import type { Context } from '../../graphql/context';
import type { MemberRow } from './queries';
import { visibleMembers } from './service';

const perRequest = new WeakMap<Context, ReturnType<typeof create>>();

function create(ctx: Context) {
  return {
    /** Members of many teams in one query, already filtered to the viewer's scope. */
    membersByTeam: new DataLoader<number, MemberRow[]>(async (teamIds) => {
      const rows = await visibleMembers(ctx.db, ctx.viewer, teamIds);
      return teamIds.map((id) => rows.filter((r) => r.teamId === id));
    }),
  };
}

/** The module's per-request loaders, created on first use. */
export function teamLoaders(ctx: Context) {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = create(ctx)));
  return loaders;
}
