/*
 * One HTTP request on its own connection (no keep-alive). For tests that pause between requests
 * on a loaded machine: a kept-alive socket the server has just closed (5 s idle) fails with
 * ECONNRESET when the client reuses it.
 */
import { request } from 'node:http';

export interface PlainResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes as received (still compressed if the server compressed it). */
  body: Buffer;
  json(): unknown;
}

export function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
