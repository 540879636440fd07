/** Every module's tables, for the Drizzle client and drizzle-kit. */
export * from '../modules/areas/schema';
export * from '../modules/households/schema';
export * from '../modules/indicators/schema';
export * from '../modules/access/schema';
