import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type OperationId } from '../../../shared/platform/contract';
import { newKey, startTestPlatform, type TestPlatform } from './test-support/test-platform';

const LONDON = 'lon-shoreditch';
const NEW_YORK = 'nyc-hudson';

describe('the simulator and the OpenAPI document agree', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform.close();
  });

  it('implements every documented operation, each answering with its documented success status', async () => {
    const { client } = platform;
    const key = () => ({ idempotencyKey: newKey('contract') });

    await client.health();
    await client.getOperator();
    await client.listSites();
    await client.getSite(LONDON);
    await client.listOccupiers(LONDON);
    const ports = await client.listFloorPorts(LONDON);
    const port = await client.getFloorPort(ports[0]!.id);
    await client.listVoiceServices(LONDON, { occupierId: 'occ-orchard' });
    const services = await client.listVoiceServices(LONDON);
    await client.getVoiceService(services[0]!.id);
    await client.listNumbers(LONDON, { state: 'ACTIVE' });
    await client.getNumber(LONDON, '+442079460064');
    await client.listHandsetModels();
    await client.listHandsets(LONDON, { occupierId: 'occ-northwind' });
    await client.getHandset('hs-nw-1');
    await client.getHandsetRegistration('hs-nw-1');
    await client.getSiteSnapshot(LONDON, 'occ-brightwater');

    const added = await client.addVoiceService(LONDON, 'occ-brightwater', 3, key());
    const changed = await client.changeVoiceServiceQuantity(added.voiceService.id, 4, {
      ...key(),
      ifMatch: added.voiceService.version,
    });
    expect(changed.quantity).toBe(4);
    const [allocated] = await client.allocateNumbers(
      LONDON,
      'occ-brightwater',
      { count: 1 },
      key(),
    );
    const activated = await client.activateNumber(LONDON, allocated!.e164, key());
    await client.deactivateNumber(LONDON, activated.e164, key());
    await client.releaseNumber(LONDON, activated.e164, key());
    const [pick] = await client.allocateNumbers(
      LONDON,
      'occ-kestrel',
      { numbers: ['+442079460049'] },
      key(),
    );
    await client.nominateMainNumber(LONDON, pick!.e164, key());
    await client.addPortedNumbers(LONDON, 'occ-kestrel', ['020 7183 0110'], key());
    await client.addCustomRange(LONDON, 'occ-kestrel', { first: '020 7183 0120', count: 3 }, key());
    await client.setFloorPortRole(port.id, 'voice-only', { ...key(), ifMatch: port.version });
    const handset = await client.registerHandset(
      NEW_YORK,
      {
        mac: '64:16:7F:4F:09:09',
        modelId: 'poly-vvx-450',
        occupierId: 'occ-liberty',
        floorPortId: 'nyc-hudson-4F-007',
      },
      key(),
    );
    await client.remoteLogin(handset.id, '+12125550150', key());
    await client.remoteLogout(handset.id, key());
    const call = await client.placeTestCall(LONDON, '+442079460071', 'contract', key());
    await client.getTestCall(call.id);
    await client.listTestCalls(LONDON, '+442079460071', { reference: 'contract' });
    const where = { siteId: LONDON, occupierId: 'occ-northwind', jobId: 'job-contract' };
    await client.putInstallationRecord(
      where,
      { steps: [], exceptions: [], ringTests: [], signOff: null },
      key(),
    );
    await client.getInstallationRecord(LONDON, 'occ-northwind', 'job-contract');

    const seen = platform.checker.seen;
    const missing = (Object.keys(operations) as OperationId[]).filter(
      (id) => !seen.has(`${id} ${operations[id].status}`),
    );
    expect(missing).toEqual([]);
    expect(platform.checker.operationIds.sort()).toEqual(Object.keys(operations).sort());
    expect(platform.checker.violations).toEqual([]);
  });

  it('answers problems in the documented shape: unknown site, bad input, no token', async () => {
    const { client, checker, simulator } = platform;
    await expect(client.getSite('nowhere')).rejects.toMatchObject({
      code: 'PLATFORM_SITE_NOT_FOUND',
    });
    await expect(
      client.call('listSites', { params: {}, query: { limit: 0 }, body: undefined }),
    ).rejects.toMatchObject({ code: 'PLATFORM_INVALID_REQUEST' });
    const unauthenticated = await checker.fetch(`${simulator.url}/v1/operator`);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await unauthenticated.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const wrongToken = await checker.fetch(`${simulator.url}/v1/sites`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrongToken.status).toBe(401);
    expect(checker.violations).toEqual([]);
  });

  it('pages lists with a cursor until the last page', async () => {
    const { client } = platform;
    const first = await client.call('listNumbers', {
      params: { siteId: LONDON },
      query: { limit: 7 },
      body: undefined,
    });
    expect(first.data.items).toHaveLength(7);
    expect(first.data.nextCursor).not.toBeNull();
    const second = await client.call('listNumbers', {
      params: { siteId: LONDON },
      query: { limit: 7, cursor: first.data.nextCursor! },
      body: undefined,
    });
    expect(second.data.items[0]!.e164 > first.data.items[6]!.e164).toBe(true);
    const all = await client.listNumbers(LONDON);
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all.map((n) => n.e164)).size).toBe(all.length);
    await expect(
      client.call('listNumbers', {
        params: { siteId: LONDON },
        query: { cursor: 'bogus' },
        body: undefined,
      }),
    ).rejects.toMatchObject({ code: 'PLATFORM_INVALID_CURSOR' });
    expect(platform.checker.violations).toEqual([]);
  });
});
