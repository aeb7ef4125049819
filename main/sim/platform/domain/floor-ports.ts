import type { FloorPort } from '../../../../shared/platform/schemas';
import { ProblemError, problem } from '../problem';
import { assertVersion, type PlatformState } from '../state';

/** Sets a floor port's role; the role must be in the site's catalogue. */
export function setFloorPortRole(
  state: PlatformState,
  floorPortId: string,
  roleId: string,
  expectedVersion: number | null,
): FloorPort {
  const port = state.floorPort(floorPortId);
  assertVersion(`Floor port ${port.label}`, port, expectedVersion);
  const site = state.site(port.siteId);
  if (!site.roleCatalogue.some((role) => role.id === roleId))
    throw new ProblemError(
      problem(
        422,
        'ROLE_UNKNOWN',
        'Unknown switch-port role',
        `The role ${roleId} is not in the catalogue of site ${site.id} (${site.roleCatalogue.map((r) => r.id).join(', ')}).`,
        { roles: site.roleCatalogue.map((r) => r.id) },
      ),
    );
  if (port.roleId !== roleId) {
    port.roleId = roleId;
    port.version += 1;
    state.touchSite(port.siteId);
  }
  return structuredClone(port);
}
