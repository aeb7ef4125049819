import { Stack } from '@mantine/core';
import { FloorPortRolesPanel } from '../jobs/FloorPortRolesPanel';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { PortRolesScreen } from './PortRolesScreen';

/** The Port roles step: the switch's side (read, change, verify), then the platform's record alone. */
export function PortRoleStep(props: JobStepScreenProps) {
  return (
    <Stack gap="lg">
      <PortRolesScreen {...props} />
      <FloorPortRolesPanel {...props} />
    </Stack>
  );
}
