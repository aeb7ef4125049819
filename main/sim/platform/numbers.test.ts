import { describe, expect, it } from 'vitest';
import type { CodedError } from '../../../shared/errors';
import { newKey, usePlatformPerTest } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const NEW_YORK = 'nyc-hudson';
const key = () => ({ idempotencyKey: newKey('numbers') });

describe('number operations over HTTP', () => {
  const platform = usePlatformPerTest();

  it('porting a UK freephone number is refused with the reason, and nothing is added', async () => {
    const { client } = platform;
    const before = await client.listNumbers(LONDON, { occupierId: 'occ-kestrel' });
    const error = (await client
      .addPortedNumbers(LONDON, 'occ-kestrel', ['020 7183 0160', '0800 123 4567'], key())
      .catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe('PLATFORM_NUMBER_NOT_ALLOWED');
    expect(error.message).toContain('0800 123 4567');
    expect(error.message).toMatch(/freephone/i);
    expect((error.detail as { problem: { rejected: unknown[] } }).problem.rejected).toEqual([
      expect.objectContaining({ input: '0800 123 4567', type: 'tollFree' }),
    ]);
    expect(await client.listNumbers(LONDON, { occupierId: 'occ-kestrel' })).toEqual(before);
  });

  it('porting a US toll-free number, or a number of another country, is refused', async () => {
    const { client } = platform;
    await expect(
      client.addPortedNumbers(NEW_YORK, 'occ-hudson-ventures', ['+1 800 555 0100'], key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_NOT_ALLOWED', message: /toll-free/ });
    await expect(
      client.addPortedNumbers(NEW_YORK, 'occ-hudson-ventures', ['+44 20 7183 0300'], key()),
    ).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_NOT_ALLOWED',
      message: /not of the site's country/,
    });
  });

  it('allowed ported numbers are added RESERVED as ported, with an extension and a PIN', async () => {
    const { client } = platform;
    const added = await client.addPortedNumbers(
      LONDON,
      'occ-kestrel',
      ['020 7183 0160', '+44 161 496 0000'],
      key(),
    );
    expect(added.map((n) => n.e164)).toEqual(['+442071830160', '+441614960000']);
    for (const number of added) {
      expect(number).toMatchObject({
        state: 'RESERVED',
        source: 'ported',
        occupierId: 'occ-kestrel',
      });
      expect(number.extension).toMatch(/^\d{4,}$/);
      expect(number.defaultPin).toMatch(/^\d{4}$/);
    }
    await expect(
      client.addPortedNumbers(LONDON, 'occ-brightwater', ['020 7183 0160'], key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_EXISTS' });
  });

  it('a custom range is assigned whole, or refused whole when it runs into another occupier', async () => {
    const { client } = platform;
    const range = await client.addCustomRange(
      LONDON,
      'occ-kestrel',
      { first: '020 7946 0057', count: 3 },
      key(),
    );
    expect(range.map((n) => n.e164)).toEqual(['+442079460057', '+442079460058', '+442079460059']);
    expect(range.every((n) => n.source === 'customRange' && n.state === 'RESERVED')).toBe(true);
    const before = await client.getSiteSnapshot(LONDON, 'occ-kestrel');
    await expect(
      client.addCustomRange(LONDON, 'occ-brightwater', { first: '020 7946 0055', count: 4 }, key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_UNAVAILABLE' });
    expect((await client.getSiteSnapshot(LONDON, 'occ-kestrel')).version).toBe(before.version);
  });

  it('allocates given pool numbers all or none', async () => {
    const { client } = platform;
    await expect(
      client.allocateNumbers(
        LONDON,
        'occ-brightwater',
        { numbers: ['+442079460010', '+442079460061'] },
        key(),
      ),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_UNAVAILABLE', message: /\+442079460061/ });
    expect((await client.getNumber(LONDON, '+442079460010')).state).toBe('AVAILABLE');
    const allocated = await client.allocateNumbers(
      LONDON,
      'occ-brightwater',
      { numbers: ['+442079460010', '+442079460011'] },
      key(),
    );
    expect(
      allocated.every((n) => n.state === 'RESERVED' && n.occupierId === 'occ-brightwater'),
    ).toBe(true);
  });

  it('activates only RESERVED numbers while voice services cover them', async () => {
    const { client } = platform;
    // Orchard is mid-upgrade: QTY 5, 3 service numbers active, one spare RESERVED.
    const activated = await client.activateNumber(LONDON, '+442079460064', key());
    expect(activated.state).toBe('ACTIVE');
    await expect(client.activateNumber(LONDON, '+442079460064', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_NOT_RESERVED',
    });
    await expect(client.activateNumber(LONDON, '+442079460020', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_NOT_ALLOCATED',
    });
    const [extra] = await client.allocateNumbers(LONDON, 'occ-orchard', { count: 1 }, key());
    const [another] = await client.allocateNumbers(LONDON, 'occ-orchard', { count: 1 }, key());
    await client.activateNumber(LONDON, extra!.e164, key());
    await expect(client.activateNumber(LONDON, another!.e164, key())).rejects.toMatchObject({
      code: 'PLATFORM_NO_VOICE_SERVICE_LEFT',
    });
    await expect(client.changeVoiceServiceQuantity('vs-orchard-1', 4, key())).rejects.toMatchObject(
      { code: 'PLATFORM_QUANTITY_BELOW_ACTIVE' },
    );
  });

  it('deactivate returns a number to RESERVED; release sends a RESERVED number to COOLDOWN', async () => {
    const { client } = platform;
    await expect(client.deactivateNumber(LONDON, '+442079460071', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_LOGGED_IN',
    });
    await expect(client.releaseNumber(LONDON, '+442079460061', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_NOT_RESERVED',
    });
    expect((await client.deactivateNumber(LONDON, '+442079460061', key())).state).toBe('RESERVED');
    const released = await client.releaseNumber(LONDON, '+442079460061', key());
    expect(released).toMatchObject({ state: 'COOLDOWN', occupierId: null, isMain: false });
    await expect(
      client.allocateNumbers(LONDON, 'occ-brightwater', { numbers: ['+442079460061'] }, key()),
    ).rejects.toMatchObject({ code: 'PLATFORM_NUMBER_UNAVAILABLE' });
  });

  it('nominating a main number replaces the previous one', async () => {
    const { client } = platform;
    const main = await client.nominateMainNumber(LONDON, '+442079460064', key());
    expect(main).toMatchObject({ isMain: true, state: 'RESERVED' });
    const previous = await client.getNumber(LONDON, '+442079460060');
    expect(previous).toMatchObject({ isMain: false, state: 'RESERVED' });
    const mains = (await client.listNumbers(LONDON, { occupierId: 'occ-orchard' })).filter(
      (n) => n.isMain,
    );
    expect(mains.map((n) => n.e164)).toEqual(['+442079460064']);
    await expect(client.nominateMainNumber(LONDON, '+442079460072', key())).rejects.toMatchObject({
      code: 'PLATFORM_NUMBER_LOGGED_IN',
    });
  });

  it('refuses a malformed request body with INVALID_REQUEST naming the field', async () => {
    const { simulator, checker } = platform;
    const response = await checker.fetch(
      `${simulator.url}/v1/sites/${LONDON}/occupiers/occ-kestrel/numbers/allocate`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${simulator.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ count: -2 }),
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; detail: string };
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.detail).toContain('body');
  });
});
