/** Types of serve-cluster.mjs (plain JavaScript: the peer on its own Node 22 runs it too). */
export function serveWithWorkers(workers: number, port: string | undefined, start: () => Promise<void>): Promise<void>;
