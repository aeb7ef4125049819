import type { SiteSnapshot } from '../../../../shared/platform/snapshot';
import type { OperationHandlers } from '../bind-operations';
import type { PlatformState } from '../state';
import type { RouteContext } from './context';

/** Everything a job for one occupier needs, versioned by the site's revision. */
export function takeSiteSnapshot(
  state: PlatformState,
  siteId: string,
  occupierId: string,
  takenAt: Date = new Date(),
): SiteSnapshot {
  const site = state.site(siteId);
  state.occupierAt(siteId, occupierId);
  const atSite = <T extends { siteId: string }>(items: Iterable<T>) =>
    [...items].filter((item) => item.siteId === siteId);
  const numbers = atSite(state.numbers.values());
  return structuredClone({
    version: state.siteRevision(siteId),
    takenAt: takenAt.toISOString(),
    operator: state.operator,
    site,
    occupierId,
    occupiers: atSite(state.occupiers.values()),
    floorPorts: atSite(state.floorPorts.values()),
    voiceServices: atSite(state.voiceServices.values()),
    numbers: numbers
      .filter((n) => n.state !== 'AVAILABLE')
      .sort((a, b) => a.e164.localeCompare(b.e164)),
    poolAvailable: numbers.filter((n) => n.state === 'AVAILABLE').length,
    handsetModels: [...state.handsetModels.values()],
    handsets: atSite(state.handsets.values()),
  });
}

export function snapshotHandlers({
  state,
}: RouteContext): Pick<OperationHandlers, 'getSiteSnapshot'> {
  return {
    getSiteSnapshot: ({ params }) => {
      const snapshot = takeSiteSnapshot(state, params.siteId, params.occupierId);
      return { body: snapshot, version: snapshot.version };
    },
  };
}
