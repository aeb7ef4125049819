import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractChecker } from './contract-checker';

/** A server that breaks the contract on purpose, to prove the checker notices. */
function startContractBreaker(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const send = (status: number, type: string, body: unknown) => {
      response.writeHead(status, { 'content-type': type });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/v1/operator')
      return send(200, 'application/json', { id: 'op', name: 'X' });
    if (request.url === '/v1/sites') return send(418, 'application/json', {});
    if (request.url === '/v1/health') return send(200, 'text/plain', 'ok');
    if (request.url === '/v1/handset-models')
      return send(200, 'application/json', { items: [], nextCursor: null });
    return send(404, 'application/problem+json', { status: 404 });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${address.port}`, server });
    }),
  );
}

describe('the contract checker', () => {
  let breaker: { url: string; server: Server };
  beforeAll(async () => {
    breaker = await startContractBreaker();
  });
  afterAll(() => new Promise<void>((resolve) => breaker.server.close(() => resolve())));

  it('records a body that breaks the schema, an undocumented status, a wrong content type and an unknown path', async () => {
    const checker = createContractChecker();
    await checker.fetch(`${breaker.url}/v1/handset-models`);
    expect(checker.violations).toEqual([]);
    await checker.fetch(`${breaker.url}/v1/operator`);
    await checker.fetch(`${breaker.url}/v1/sites`);
    await checker.fetch(`${breaker.url}/v1/health`);
    await checker.fetch(`${breaker.url}/v1/nothing-here`);
    await checker.fetch(`${breaker.url}/v1/sites/x`, { method: 'DELETE' });
    expect(checker.violations).toHaveLength(5);
    expect(checker.violations[0]).toMatch(/GET \/v1\/operator → 200: .*autoMainNumber/);
    expect(checker.violations[1]).toMatch(/status not documented for listSites/);
    expect(checker.violations[2]).toMatch(/content type text\/plain not documented/);
    expect(checker.violations[3]).toMatch(/no such operation/);
    expect(checker.violations[4]).toMatch(/DELETE .*no such operation/);
  });
});
