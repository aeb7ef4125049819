import { describe, expect, it } from 'vitest';
import type { ConnectionState, Connectivity } from '../ipc';
import { effectiveConnection } from './connection';

const demo: ConnectionState = { kind: 'demo', platformUrl: 'http://127.0.0.1:4010' };
const platform: ConnectionState = { kind: 'platform', platformUrl: 'https://api.example' };
const at = '2026-05-04T10:00:00.000Z';
const net = (c: Partial<Connectivity>): Connectivity => ({
  reachable: true,
  workOffline: false,
  reason: null,
  checkedAt: at,
  ...c,
});

describe('effectiveConnection', () => {
  it.each([
    ['no connectivity yet', demo, null, demo],
    ['reachable', platform, net({}), platform],
    [
      'unreachable but never checked: unknown, not offline',
      demo,
      net({ reachable: false, checkedAt: null }),
      demo,
    ],
    [
      'working offline by choice',
      platform,
      net({ workOffline: true }),
      { kind: 'offline', platformUrl: 'https://api.example', reason: 'working offline by choice' },
    ],
    [
      'a health check found it unreachable, with main’s reason',
      demo,
      net({ reachable: false, reason: 'connection refused' }),
      { kind: 'offline', platformUrl: demo.platformUrl, reason: 'connection refused' },
    ],
    [
      'unreachable without a reason',
      platform,
      net({ reachable: false }),
      {
        kind: 'offline',
        platformUrl: 'https://api.example',
        reason: 'the platform does not answer',
      },
    ],
  ] as const)('%s', (_, configured, connectivity, expected) => {
    expect(effectiveConnection(configured, connectivity)).toEqual(expected);
  });

  it('a connection main already calls offline keeps main’s reason', () => {
    const offline: ConnectionState = { kind: 'offline', platformUrl: 'x', reason: 'no token' };
    expect(effectiveConnection(offline, net({ workOffline: true }))).toBe(offline);
  });
});
