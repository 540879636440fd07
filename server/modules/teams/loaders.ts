import DataLoader from 'dataloader';
import type { ServiceRequest } from '../access/request';
import type { MemberRow } from './queries';
import { visibleMembers } from './service';

const perRequest = new WeakMap<ServiceRequest, ReturnType<typeof create>>();

function create(ctx: ServiceRequest) {
  return {
    /** Members of many teams in one query, already filtered to the viewer's scope. */
    membersByTeam: new DataLoader<number, MemberRow[]>(async (teamIds) => {
      const rows = await visibleMembers(ctx, teamIds);
      return teamIds.map((id) => rows.filter((r) => r.teamId === id));
    }),
  };
}

/** The module's per-request loaders, created on first use. */
export function teamLoaders(ctx: ServiceRequest) {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = create(ctx)));
  return loaders;
}
