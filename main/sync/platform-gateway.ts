import type { JobSnapshot, PlatformValue } from '../../shared/jobs';
import type { PlatformClient } from '../platform/client';
import type { MutationGateway } from './gateway';

/** The sync gateway over the platform client: one contract operation per outbox mutation. */
export function createPlatformGateway(client: PlatformClient): MutationGateway {
  return {
    async apply(mutation, { idempotencyKey, ifMatch }) {
      const options = { idempotencyKey, ...(ifMatch === null ? {} : { ifMatch }) };
      const noBody = { body: undefined } as const;
      switch (mutation.kind) {
        case 'setFloorPortRole': {
          const { data } = await client.call(
            'setFloorPortRole',
            { params: { floorPortId: mutation.floorPortId }, body: { roleId: mutation.roleId } },
            options,
          );
          return { version: data.version };
        }
        case 'addVoiceService': {
          const { data } = await client.call(
            'addVoiceService',
            {
              params: { siteId: mutation.siteId, occupierId: mutation.occupierId },
              body: { quantity: mutation.quantity },
            },
            options,
          );
          return { version: data.voiceService.version };
        }
        case 'allocateNumbers': {
          const { data } = await client.call(
            'allocateNumbers',
            {
              params: { siteId: mutation.siteId, occupierId: mutation.occupierId },
              body: { count: mutation.count },
            },
            options,
          );
          // The numbers are known only now; each later call gets a key derived from the
          // entry's, so a retry (which replays the allocation) nominates and activates each once.
          // A main number is nominated first: as main it is not counted against the services.
          for (const number of data.numbers) {
            const params = { siteId: mutation.siteId, e164: number.e164 };
            if (mutation.main)
              await client.call(
                'nominateMainNumber',
                { params, ...noBody },
                { idempotencyKey: `${idempotencyKey}:main:${number.e164}` },
              );
            if (mutation.activate)
              await client.call(
                'activateNumber',
                { params, ...noBody },
                { idempotencyKey: `${idempotencyKey}:activate:${number.e164}` },
              );
          }
          return { version: null };
        }
        case 'placeTestCall':
          await client.call(
            'placeTestCall',
            {
              params: { siteId: mutation.siteId, e164: mutation.e164 },
              body: { reference: mutation.reference },
            },
            options,
          );
          return { version: null };
        case 'putInstallationRecord': {
          const { siteId, occupierId, jobId, record } = mutation;
          const { data } = await client.call(
            'putInstallationRecord',
            { params: { siteId, occupierId, jobId }, body: record },
            { idempotencyKey },
          );
          return { version: data.version };
        }
        case 'activateNumber':
        case 'deactivateNumber':
        case 'releaseNumber':
        case 'nominateMainNumber': {
          const { data } = await client.call(
            mutation.kind,
            { params: { siteId: mutation.siteId, e164: mutation.e164 }, ...noBody },
            options,
          );
          return { version: data.version };
        }
        case 'remoteLogin': {
          const { data } = await client.call(
            'remoteLogin',
            { params: { handsetId: mutation.handsetId }, body: { e164: mutation.e164 } },
            options,
          );
          return { version: data.version };
        }
      }
    },

    async currentValue(mutation): Promise<PlatformValue> {
      switch (mutation.kind) {
        case 'setFloorPortRole': {
          const port = await client.getFloorPort(mutation.floorPortId);
          return { value: { roleId: port.roleId }, version: port.version };
        }
        case 'activateNumber':
        case 'deactivateNumber':
        case 'releaseNumber':
        case 'nominateMainNumber': {
          const number = await client.getNumber(mutation.siteId, mutation.e164);
          return {
            value: { state: number.state, isMain: number.isMain, occupierId: number.occupierId },
            version: number.version,
          };
        }
        case 'remoteLogin': {
          const handset = await client.getHandset(mutation.handsetId);
          return { value: { loggedInNumber: handset.loggedInNumber }, version: handset.version };
        }
        default:
          return { value: null, version: 0 };
      }
    },

    snapshot: (siteId, occupierId): Promise<JobSnapshot> =>
      client.getSiteSnapshot(siteId, occupierId),
    health: () => client.health(),
  };
}
