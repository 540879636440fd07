/** Every module's tables, for the Drizzle client and drizzle-kit. */
export * from '../modules/areas/schema';
export * from '../modules/households/schema';
export * from '../modules/indicators/schema';
export * from '../modules/access/schema';
export * from '../modules/teams/schema';
export * from '../modules/targets/schema';
export * from '../modules/campaigns/schema';
export * from '../modules/activities/schema';
export * from '../modules/markets/schema';
export * from '../modules/reviews/schema';
export * from '../modules/awards/schema';
