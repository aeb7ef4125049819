import { describe, expect, it } from 'vitest';
import type { CodedError } from '../../../shared/errors';
import { loadDemoWorld } from '../world/load';
import { newKey, usePlatformPerTest } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const NEW_YORK = 'nyc-hudson';
const key = () => ({ idempotencyKey: newKey('automation') });

describe('adding voice services (DOMAIN.md automatic allocation, over HTTP)', () => {
  const platform = usePlatformPerTest();

  it('first-time add GB QTY 3 with auto main: 5 allocated, main nominated and active, 3 activated, 1 spare', async () => {
    const { client } = platform;
    const result = await client.addVoiceService(LONDON, 'occ-brightwater', 3, key());
    expect(result.automation.automatic).toBe(true);
    expect(result.automation.allocated).toHaveLength(5);
    expect(result.automation.activated).toHaveLength(3);
    expect(result.automation.spare).toHaveLength(1);
    expect(result.automation.mainNumber).not.toBeNull();

    const numbers = await client.listNumbers(LONDON, { occupierId: 'occ-brightwater' });
    expect(numbers.map((n) => n.e164).sort()).toEqual([...result.automation.allocated].sort());
    const main = numbers.filter((n) => n.isMain);
    expect(main).toHaveLength(1);
    expect(main[0]).toMatchObject({ e164: result.automation.mainNumber, state: 'ACTIVE' });
    expect(numbers.filter((n) => !n.isMain && n.state === 'ACTIVE')).toHaveLength(3);
    expect(numbers.filter((n) => n.state === 'RESERVED')).toHaveLength(1);
    expect(numbers.every((n) => n.source === 'pool')).toBe(true);
  });

  it('first-time add US QTY 7: exactly 7 allocated and 7 activated, no main number', async () => {
    const { client } = platform;
    const result = await client.addVoiceService(NEW_YORK, 'occ-hudson-ventures', 7, key());
    expect(result.automation).toMatchObject({ automatic: true, mainNumber: null, spare: [] });
    expect(result.automation.allocated).toHaveLength(7);
    expect(result.automation.activated).toHaveLength(7);
    const numbers = await client.listNumbers(NEW_YORK, { occupierId: 'occ-hudson-ventures' });
    expect(numbers).toHaveLength(7);
    expect(numbers.every((n) => n.state === 'ACTIVE' && !n.isMain)).toBe(true);
  });

  it('first-time add GB QTY 5 without auto main (operator configuration off): 5, 0 main, 5 active', async () => {
    const world = loadDemoWorld();
    world.operator.autoMainNumber = false;
    await platform.restart({ world });
    const result = await platform.client.addVoiceService(LONDON, 'occ-brightwater', 5, key());
    expect(result.automation.allocated).toHaveLength(5);
    expect(result.automation.activated).toHaveLength(5);
    expect(result.automation.mainNumber).toBeNull();
  });

  it('an upgrade (second service, or a higher quantity) allocates and activates nothing', async () => {
    const { client } = platform;
    const before = await client.listNumbers(LONDON, { occupierId: 'occ-orchard' });
    const second = await client.addVoiceService(LONDON, 'occ-orchard', 2, key());
    expect(second.automation).toMatchObject({
      automatic: false,
      allocated: [],
      activated: [],
      mainNumber: null,
    });
    const [existing] = await client.listVoiceServices(LONDON, { occupierId: 'occ-orchard' });
    const raised = await client.changeVoiceServiceQuantity(existing!.id, existing!.quantity + 3, {
      ...key(),
      ifMatch: existing!.version,
    });
    expect(raised.quantity).toBe(existing!.quantity + 3);
    expect(raised.version).toBe(existing!.version + 1);
    expect(await client.listNumbers(LONDON, { occupierId: 'occ-orchard' })).toEqual(before);
  });

  it('a manually-numbered occupier (ported numbers) gets nothing automatic on first add', async () => {
    const { client } = platform;
    const before = await client.listNumbers(LONDON, { occupierId: 'occ-kestrel' });
    expect(before.some((n) => n.source === 'ported')).toBe(true);
    const result = await client.addVoiceService(LONDON, 'occ-kestrel', 3, key());
    expect(result.automation.automatic).toBe(false);
    expect(result.automation.reason).not.toBe('');
    expect(result.automation.allocated).toEqual([]);
    expect(await client.listNumbers(LONDON, { occupierId: 'occ-kestrel' })).toEqual(before);
  });

  it('pool exhaustion allocates nothing, adds no service, and says needed vs free', async () => {
    const { client } = platform;
    const snapshot = await client.getSiteSnapshot(LONDON, 'occ-brightwater');
    const free = snapshot.poolAvailable;
    const quantity = free; // GB with main: ceil((free + 1) / 5) * 5 > free
    const needed = Math.ceil((quantity + 1) / 5) * 5;
    const error = (await client
      .addVoiceService(LONDON, 'occ-brightwater', quantity, key())
      .catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe('PLATFORM_POOL_EXHAUSTED');
    expect(error.message).toContain(`${free} free`);
    expect(error.message).toContain(`${needed} are needed`);
    expect((error.detail as { problem: unknown }).problem).toMatchObject({ needed, free });

    const after = await client.getSiteSnapshot(LONDON, 'occ-brightwater');
    expect(after.version).toBe(snapshot.version);
    expect(after.poolAvailable).toBe(free);
    expect(after.voiceServices).toEqual(snapshot.voiceServices);

    await expect(
      client.allocateNumbers(LONDON, 'occ-brightwater', { count: free + 1 }, key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_POOL_EXHAUSTED' });
    expect((await client.getSiteSnapshot(LONDON, 'occ-brightwater')).poolAvailable).toBe(free);
  });

  it('a site whose region the number rules do not know is refused with 422, nothing added', async () => {
    const world = loadDemoWorld();
    world.sites[1]!.region = 'XX';
    await platform.restart({ world });
    await expect(
      platform.client.addVoiceService(NEW_YORK, 'occ-hudson-ventures', 2, key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBERS_INVALID_INPUT', detail: { status: 422 } });
    expect(
      await platform.client.listVoiceServices(NEW_YORK, { occupierId: 'occ-hudson-ventures' }),
    ).toEqual([]);
  });

  it('the snapshot carries every non-AVAILABLE number, the pool count and a version that moves with changes', async () => {
    const { client } = platform;
    const call = await client.call('getSiteSnapshot', {
      params: { siteId: LONDON, occupierId: 'occ-brightwater' },
      body: undefined,
    });
    expect(call.etag).toBe(call.data.version);
    expect(call.data.numbers.every((n) => n.state !== 'AVAILABLE')).toBe(true);
    expect(call.data.poolAvailable).toBe(50);
    await client.addVoiceService(LONDON, 'occ-brightwater', 1, key());
    const after = await client.getSiteSnapshot(LONDON, 'occ-brightwater');
    expect(after.version).toBeGreaterThan(call.data.version);
    expect(after.poolAvailable).toBe(45);
  });
});
