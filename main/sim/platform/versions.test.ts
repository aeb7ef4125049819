import { describe, expect, it } from 'vitest';
import { newKey, usePlatformPerTest } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const key = () => ({ idempotencyKey: newKey('versions') });

describe('optimistic concurrency with ETag / If-Match', () => {
  const platform = usePlatformPerTest();

  it('a stale If-Match on a floor port role is refused with 412 and the current version', async () => {
    const { client } = platform;
    const read = await client.call('getFloorPort', {
      params: { floorPortId: 'lon-shoreditch-2F-001' },
      body: undefined,
    });
    expect(read.etag).toBe(read.data.version);
    const changed = await client.setFloorPortRole(read.data.id, 'voice-pc', {
      ...key(),
      ifMatch: read.data.version,
    });
    expect(changed).toMatchObject({ roleId: 'voice-pc', version: read.data.version + 1 });

    const error = await client
      .setFloorPortRole(read.data.id, 'data', { ...key(), ifMatch: read.data.version })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'PLATFORM_VERSION_MISMATCH',
      detail: { status: 412, problem: { currentVersion: changed.version } },
    });
    expect((await client.getFloorPort(read.data.id)).roleId).toBe('voice-pc');
  });

  it('setting a role without If-Match is refused with 428', async () => {
    const { client } = platform;
    await expect(
      client.call(
        'setFloorPortRole',
        { params: { floorPortId: 'lon-shoreditch-2F-001' }, body: { roleId: 'data' } },
        key(),
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM_PRECONDITION_REQUIRED' });
  });

  it('a role outside the site catalogue is refused with the catalogue named', async () => {
    const { client } = platform;
    const port = await client.getFloorPort('lon-shoreditch-2F-001');
    const error = await client
      .setFloorPortRole(port.id, 'made-up', { ...key(), ifMatch: port.version })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PLATFORM_ROLE_UNKNOWN' });
    expect((error as Error).message).toContain('voice-pc');
  });

  it('a stale If-Match on a number or a voice service is refused with 412, nothing changed', async () => {
    const { client } = platform;
    const number = await client.getNumber(LONDON, '+442079460064');
    await expect(
      client.activateNumber(LONDON, number.e164, { ...key(), ifMatch: number.version + 1 }),
    ).rejects.toMatchObject({ code: 'PLATFORM_VERSION_MISMATCH' });
    expect((await client.getNumber(LONDON, number.e164)).state).toBe('RESERVED');

    const service = await client.getVoiceService('vs-orchard-1');
    await expect(
      client.changeVoiceServiceQuantity(service.id, 9, { ...key(), ifMatch: service.version - 1 }),
    ).rejects.toMatchObject({ code: 'PLATFORM_VERSION_MISMATCH' });
    expect((await client.getVoiceService(service.id)).quantity).toBe(service.quantity);
  });

  it('an If-Match that is not an ETag is a 400', async () => {
    const { simulator } = platform;
    const response = await platform.checker.fetch(
      `${simulator.url}/v1/floor-ports/lon-shoreditch-2F-001/role`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${simulator.token}`,
          'content-type': 'application/json',
          'if-match': 'version three',
        },
        body: JSON.stringify({ roleId: 'data' }),
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_IF_MATCH' });
  });
});
