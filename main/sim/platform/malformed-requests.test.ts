import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { newKey, usePlatformPerTest } from './test-support/test-platform';

/** Requests a careless or hostile client sends: each answered with an RFC 9457 problem. */
interface RawAnswer {
  status: number;
  contentType: string;
  body: { status?: number; code?: string; type?: string; title?: string; detail?: string };
}

/** A request through node:http, which sends what it is given (fetch would refuse some). */
function send(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | string[]>;
    body?: string;
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        // An array value is sent as that many header lines.
        headers: options.headers ?? {},
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: JSON.parse(text) as RawAnswer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function expectProblem(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, code, type: expect.any(String) });
  expect(answer.body.title).toBeTruthy();
  expect(answer.body.detail).toBeTruthy();
}

describe('malformed requests to the platform simulator', () => {
  const platform = usePlatformPerTest();
  const auth = () => ({ authorization: `Bearer ${platform.simulator.token}` });

  it('answers a huge URL with 431 as a problem document', async () => {
    const answer = await send(platform.simulator.url, {
      path: `/v1/sites?filler=${'a'.repeat(64 * 1024)}`,
      headers: auth(),
    });
    expectProblem(answer, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a huge header with 431 as a problem document', async () => {
    const answer = await send(platform.simulator.url, {
      path: '/v1/sites',
      headers: { ...auth(), 'x-filler': 'b'.repeat(64 * 1024) },
    });
    expectProblem(answer, 431, 'HEADERS_TOO_LARGE');
  });

  it('answers a bad URL escape with 400 as a problem document', async () => {
    const answer = await send(platform.simulator.url, {
      path: '/v1/sites/%E0%A4%A',
      headers: auth(),
    });
    expectProblem(answer, 400, 'INVALID_URL');
  });

  it('refuses two Idempotency-Key header lines with 400 and changes nothing', async () => {
    const port = (await platform.client.listFloorPorts('lon-shoreditch'))[0]!;
    const key = newKey('twice');
    const answer = await send(platform.simulator.url, {
      method: 'PUT',
      path: `/v1/floor-ports/${port.id}/role`,
      headers: {
        ...auth(),
        'content-type': 'application/json',
        'if-match': `"${port.version}"`,
        'idempotency-key': [key, key],
      },
      body: JSON.stringify({ roleId: port.roleId === 'data' ? 'voice-pc' : 'data' }),
    });
    expectProblem(answer, 400, 'INVALID_IDEMPOTENCY_KEY');
    const after = (await platform.client.listFloorPorts('lon-shoreditch')).find(
      (p) => p.id === port.id,
    );
    expect(after).toMatchObject({ roleId: port.roleId, version: port.version });
  });
});
