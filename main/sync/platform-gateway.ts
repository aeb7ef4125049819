import type { JobSnapshot, PlatformValue } from '../../shared/jobs';
import type { PlatformClient } from '../platform/client';
import type { MutationGateway } from './gateway';

/**
 * The sync gateway over the platform client: one contract operation per outbox mutation.
 * Sync keeps only the version a change produced, so those answers are checked for their
 * version alone (callForVersion), not parsed whole: the snapshot refresh after a run reads
 * the full state, through the schemas.
 */
export function createPlatformGateway(client: PlatformClient): MutationGateway {
  return {
    async apply(mutation, { idempotencyKey, ifMatch }) {
      const options = { idempotencyKey, ...(ifMatch === null ? {} : { ifMatch }) };
      const noBody = { body: undefined } as const;
      switch (mutation.kind) {
        case 'setFloorPortRole': {
          const version = await client.callForVersion(
            'setFloorPortRole',
            { params: { floorPortId: mutation.floorPortId }, body: { roleId: mutation.roleId } },
            options,
          );
          return { version };
        }
        case 'addVoiceService': {
          const version = await client.callForVersion(
            'addVoiceService',
            {
              params: { siteId: mutation.siteId, occupierId: mutation.occupierId },
              body: { quantity: mutation.quantity },
            },
            options,
            'voiceService',
          );
          return { version };
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
          const version = await client.callForVersion(
            'putInstallationRecord',
            { params: { siteId, occupierId, jobId }, body: record },
            { idempotencyKey },
          );
          return { version };
        }
        case 'activateNumber':
        case 'deactivateNumber':
        case 'releaseNumber':
        case 'nominateMainNumber': {
          const version = await client.callForVersion(
            mutation.kind,
            { params: { siteId: mutation.siteId, e164: mutation.e164 }, ...noBody },
            options,
          );
          return { version };
        }
        case 'remoteLogin': {
          const version = await client.callForVersion(
            'remoteLogin',
            { params: { handsetId: mutation.handsetId }, body: { e164: mutation.e164 } },
            options,
          );
          return { version };
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
