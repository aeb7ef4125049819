import { describe, expect, it } from 'vitest';
import { probeScopedEvents } from '../../shared/ipc/test-support/probe-domain';
import { createManualSchedule } from '../../shared/test-support/manual-schedule';
import { createRouter, type ChannelHandlers } from './router';

function probeRouter() {
  const clock = createManualSchedule();
  const router = createRouter({} as ChannelHandlers, {
    scopedEvents: probeScopedEvents,
    schedule: clock.schedule,
  });
  return { router, clock };
}

function accepted<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`subscription refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('scoped events', () => {
  it('reach only the subscription of the same scope; another subscriber receives nothing', () => {
    const { router } = probeRouter();
    const mine: unknown[] = [];
    const other: unknown[] = [];
    const broadcast: unknown[] = [];
    router.subscribe((event, payload) => broadcast.push([event, payload]));
    accepted(
      router.subscribeScoped('probe:link', { switchId: 'sw1', port: 'Gi1/0/1' }, (p) =>
        mine.push(p),
      ),
    );
    accepted(
      router.subscribeScoped('probe:link', { switchId: 'sw1', port: 'Gi1/0/2' }, (p) =>
        other.push(p),
      ),
    );
    // Key order does not matter: the scope is compared by value.
    router.emitScoped('probe:link', { port: 'Gi1/0/1', switchId: 'sw1' }, { up: true });
    expect(mine).toEqual([{ up: true }]);
    expect(other).toEqual([]);
    expect(broadcast).toEqual([]);
  });

  it('stops at once on unsubscribe, and counts who is listening', () => {
    const { router } = probeRouter();
    const seen: unknown[] = [];
    const scope = { switchId: 'sw1', port: 'Gi1/0/1' };
    const { unsubscribe } = accepted(
      router.subscribeScoped('probe:link', scope, (p) => seen.push(p)),
    );
    expect(router.scopedSubscriberCount('probe:link', scope)).toBe(1);
    unsubscribe();
    unsubscribe();
    router.emitScoped('probe:link', scope, { up: false });
    expect(seen).toEqual([]);
    expect(router.scopedSubscriberCount('probe:link', scope)).toBe(0);
  });

  it('refuses an unknown event or a scope that breaks the contract, with a typed error', () => {
    const { router } = probeRouter();
    expect(router.subscribeScoped('probe:nothing', {}, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_UNKNOWN_CHANNEL' },
    });
    const bad = router.subscribeScoped(
      'probe:output',
      { sessionId: '', extra: 1 },
      () => undefined,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID_REQUEST' } });
    expect(!bad.ok && bad.error.message).toMatch(/sessionId/);
  });

  it('checks what main emits against the contract', () => {
    const { router } = probeRouter();
    accepted(router.subscribeScoped('probe:output', { sessionId: 's1' }, () => undefined));
    expect(() =>
      router.emitScoped('probe:output', { sessionId: 's1' }, { data: 42 } as never),
    ).toThrow();
    expect(() => router.emitScoped('probe:output', { nope: 1 } as never, { data: 'x' })).toThrow();
  });

  it('coalesces a stream event per subscription: chunks in one window arrive as one, in order', () => {
    const { router, clock } = probeRouter();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const otherSession: unknown[] = [];
    accepted(router.subscribeScoped('probe:output', { sessionId: 's1' }, (p) => first.push(p)));
    accepted(router.subscribeScoped('probe:output', { sessionId: 's1' }, (p) => second.push(p)));
    accepted(
      router.subscribeScoped('probe:output', { sessionId: 's2' }, (p) => otherSession.push(p)),
    );
    for (const data of ['sw1#', 'show ', 'vlan\r\n'])
      router.emitScoped('probe:output', { sessionId: 's1' }, { data });
    expect(first).toEqual([]);
    clock.runAll();
    expect(first).toEqual([{ data: 'sw1#show vlan\r\n' }]);
    expect(second).toEqual([{ data: 'sw1#show vlan\r\n' }]);
    router.emitScoped('probe:output', { sessionId: 's1' }, { data: 'next' });
    clock.runAll();
    expect(first).toEqual([{ data: 'sw1#show vlan\r\n' }, { data: 'next' }]);
    expect(otherSession).toEqual([]);
  });

  it('drops what is still pending when the subscriber leaves', () => {
    const { router, clock } = probeRouter();
    const seen: unknown[] = [];
    const { unsubscribe } = accepted(
      router.subscribeScoped('probe:output', { sessionId: 's1' }, (p) => seen.push(p)),
    );
    router.emitScoped('probe:output', { sessionId: 's1' }, { data: 'late' });
    expect(clock.pending()).toEqual([20]);
    unsubscribe();
    expect(clock.pending()).toEqual([]);
    clock.runAll();
    expect(seen).toEqual([]);
  });
});
