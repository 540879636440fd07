/** Minimal typing of the part of mapshaper's Node API that the seed scripts use. */
declare module 'mapshaper' {
  /** Runs mapshaper commands on in-memory inputs; resolves to the output files by name. */
  export function applyCommands(
    commands: string,
    input?: Record<string, string | object>,
  ): Promise<Record<string, string | Uint8Array>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
