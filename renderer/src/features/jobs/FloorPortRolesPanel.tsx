import { Badge, Paper, Select, Table, Title } from '@mantine/core';
import { jobFloorPorts } from '../../../../shared/jobs';
import type { JobStepScreenProps } from './stepScreens';
import { jobActionKey, useOpenJob } from './openJobStore';

/** The occupier's floor ports, each with the role the engineer wants (queued until synced). */
export function FloorPortRolesPanel({ view, readOnly }: JobStepScreenProps) {
  const { state } = view;
  const setPortRole = useOpenJob((s) => s.setPortRole);
  const pending = useOpenJob((s) => s.pending);
  const roles = state.snapshot.site.roleCatalogue.map((role) => ({
    value: role.id,
    label: role.name,
  }));
  const roleName = (id: string | null) =>
    id === null
      ? 'No role'
      : (state.snapshot.site.roleCatalogue.find((r) => r.id === id)?.name ?? id);

  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} mb="sm">
        Platform record of each floor port's role
      </Title>
      <Table aria-label="Port roles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Port</Table.Th>
            <Table.Th>On the platform</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobFloorPorts(state).map((port) => (
            <Table.Tr key={port.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {port.label}
              </Table.Td>
              <Table.Td>{roleName(port.platformRoleId)}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Role for ${port.label}`}
                  placeholder="Choose a role"
                  data={roles}
                  value={port.roleId}
                  disabled={pending[jobActionKey.setPortRole(port.id)] === true || readOnly}
                  allowDeselect={false}
                  onChange={(roleId) =>
                    roleId && roleId !== port.roleId && void setPortRole(port.id, roleId)
                  }
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {port.conflict ? (
                  <Badge color="red">Conflict</Badge>
                ) : port.pending ? (
                  <Badge color="blue">Queued</Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    As on platform
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
