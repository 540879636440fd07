/*
 * What a query read, for the response cache's invalidation (server/graphql/response-cache.ts):
 * while a query runs, the fields below add tags `kind@area` to the request's `cacheTags`.
 *
 * - Every root field of Query adds the kinds of data its answer is computed from, for the area its
 *   arguments name (a leaderboard of commune C: `households@C`); with no area argument, `kind@*`.
 *   A root field no rule describes adds `*@*`: any change drops the answer. Being correct comes
 *   first: when unsure, a rule names more kinds.
 * - Every figure of an Area (indicator, series, digital hamlets, criteria) adds `households@<its
 *   code>`, wherever in the answer the area is (a leaderboard's rows, a parent, children).
 *
 * A change event names the areas a write touched and all their ancestors (server/modules/changes),
 * and an area's figures depend on the households of its subtree only: a household change in
 * hamlet H drops the answers tagged with H, its commune or its province, and nothing else.
 *
 * The tags are added by wrapping these fields' resolvers once, when the schema is built
 * (graphql-js's `resolve` of a field definition): the wrappers run under graphql-js and under
 * graphql-jit alike, and cost a Set insertion per field.
 */
import { type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { ChangeKind } from '../modules/changes/types';
import { ANYTHING, type CacheTag, tag } from './response-cache';

interface Tagged {
  cacheTags?: Set<CacheTag>;
}

/** Target progress counts households, activities, teams (and what they cover), markets and campaigns. */
const PROGRESS: readonly ChangeKind[] = ['targets', 'activities', 'teams', 'households', 'markets', 'campaigns', 'areas'];
const AWARDS: readonly ChangeKind[] = ['awards', 'teams', 'activities', 'households', 'areas'];
const TEAMS: readonly ChangeKind[] = ['teams', 'activities', 'areas'];

interface RootRule {
  /** The kinds of data the answer is computed from (nested Area figures tag themselves). */
  kinds: readonly ChangeKind[];
  /** The arguments naming the area the answer is about (the first one given); none: every area. */
  area?: readonly string[];
}

export const ROOT_FIELDS: Readonly<Record<string, RootRule>> = {
  // Nothing an anonymous caller sees changes with the data: it is null.
  me: { kinds: [] },
  area: { kinds: ['areas'] },
  areas: { kinds: ['areas'] },
  leaderboard: { kinds: ['households', 'areas'], area: ['parentCode'] },
  households: { kinds: ['households', 'areas'], area: ['hamletCode'] },
  teamActivities: { kinds: ['activities', 'teams', 'households'] },
  campaigns: { kinds: ['campaigns', 'activities', 'areas'] },
  campaignReports: { kinds: ['campaigns', 'activities', 'areas'] },
  markets: { kinds: ['markets', 'areas'], area: ['areaCode'] },
  quarterReviews: { kinds: ['reviews'] },
  compareQuarters: { kinds: ['reviews', 'households', 'targets', 'areas'], area: ['areaCode'] },
  communeTargetPlan: { kinds: PROGRESS, area: ['communeCode'] },
  teamProgress: { kinds: PROGRESS },
  teamsProgress: { kinds: PROGRESS, area: ['communeCode'] },
  communeProgress: { kinds: PROGRESS, area: ['communeCode'] },
  provinceProgress: { kinds: PROGRESS, area: ['provinceCode'] },
  atRisk: { kinds: PROGRESS, area: ['communeCode', 'provinceCode'] },
  teamLeaderboard: { kinds: PROGRESS, area: ['communeCode'] },
  team: { kinds: TEAMS },
  teams: { kinds: TEAMS, area: ['communeCode'] },
  myTeams: { kinds: TEAMS },
  // Award answers mix a commune's figures with the province's (quotas): every area.
  postedNominations: { kinds: AWARDS },
  honourRoll: { kinds: AWARDS },
  verifyCertificate: { kinds: AWARDS },
  awardCycles: { kinds: AWARDS },
  awardQuota: { kinds: AWARDS },
  nominations: { kinds: AWARDS },
  nomination: { kinds: AWARDS },
  suggestedCandidates: { kinds: AWARDS },
  awardResults: { kinds: AWARDS },
};

/** Area fields whose values are computed from the households of the area's subtree. */
const AREA_FIGURES = ['indicator', 'series', 'digitalHamlets', 'criteria'];

/** The tags of a root field called with `args`. */
export function rootFieldTags(field: string, args: Record<string, unknown>): CacheTag[] {
  const rule = ROOT_FIELDS[field];
  if (!rule) return [ANYTHING];
  const name = rule.area?.find((arg) => typeof args[arg] === 'string');
  const area = name ? (args[name] as string) : '*';
  // The areas themselves (names, hierarchy) change rarely (imports): any such change drops the answer.
  return rule.kinds.map((kind) => tag(kind, kind === 'areas' ? '*' : area));
}

function wrap(type: GraphQLObjectType | null | undefined, fields: readonly string[] | null,
  tagsOf: (field: string, root: unknown, args: Record<string, unknown>) => readonly CacheTag[]) {
  if (!type) return;
  for (const [name, field] of Object.entries(type.getFields())) {
    if (fields && !fields.includes(name)) continue;
    const resolve = field.resolve as GraphQLFieldResolver<unknown, Tagged> | undefined;
    if (!resolve) continue;
    field.resolve = function (root, args, context, info) {
      const tags = context?.cacheTags;
      if (tags) for (const t of tagsOf(name, root, args)) tags.add(t);
      return resolve.call(this, root, args, context, info);
    };
  }
}

/** Makes the fields of `schema` report what they read into the context's `cacheTags`. */
export function tagReads(schema: GraphQLSchema): GraphQLSchema {
  wrap(schema.getQueryType(), null, (field, _root, args) => rootFieldTags(field, args));
  const area = schema.getType('Area');
  wrap(area instanceof GraphQLObjectType ? area : null, AREA_FIGURES,
    (_field, root) => [tag('households', String((root as { code?: unknown }).code ?? '*'))]);
  return schema;
}
