import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { RoleRowView } from '../../../../shared/ipc';
import { LoadableView } from '../../common/LoadableView';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { useSwitch } from '../switch/switchStore';
import { count } from '../../../../shared/wording';
import { BADGE_WRAP } from '../../common/badgeWrap';

/** Long lines (a description, a refusal) wrap inside their cell instead of widening the table. */
const WRAP = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

function RowState({ row }: { row: RoleRowView }) {
  const applied = row.applied;
  if (applied?.rejected)
    return (
      <Badge color="red" variant="filled" styles={BADGE_WRAP}>
        ✗ Refused by the switch
      </Badge>
    );
  if (applied && applied.roleId === row.neededRoleId && applied.verified)
    return (
      <Badge color="teal.9" variant="filled" styles={BADGE_WRAP}>
        ✓ Verified {applied.changed ? '(changed)' : '(already right)'}
      </Badge>
    );
  if (applied && !applied.verified)
    return (
      <Badge color="red" variant="outline" styles={BADGE_WRAP}>
        ✗ Not verified
      </Badge>
    );
  if (row.preview?.alreadyRight)
    return (
      <Badge color="gray" variant="outline" styles={BADGE_WRAP}>
        = Already right, not verified yet
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline" styles={BADGE_WRAP}>
      ○ To apply
    </Badge>
  );
}

/** The Port roles step: per floor port in use, the role on the switch and the platform, and the change. */
export function PortRolesScreen({ view, readOnly }: JobStepScreenProps) {
  const jobId = view.state.jobId;
  const open = useSwitch((s) => s.open);
  const roles = useSwitch((s) => s.roles);
  const loadRoles = useSwitch((s) => s.loadRoles);
  const applyRoles = useSwitch((s) => s.applyRoles);
  const watch = useSwitch((s) => s.watch);
  const progress = useSwitch((s) => s.applyProgress);
  const applying = useSwitch((s) => s.pending.apply === true);
  const applyError = useSwitch((s) => s.errors.apply ?? null);

  useEffect(() => {
    watch('roles', true);
    void open(jobId).then(() => loadRoles());
    return () => watch('roles', false);
  }, [jobId, open, loadRoles, watch]);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Port roles on the switch">
      <Group justify="space-between" mb="sm">
        <Title order={3}>Port roles</Title>
        <Anchor
          renderRoot={(props) => <Link to="/jobs/$jobId/switch" params={{ jobId }} {...props} />}
        >
          Switch and faceplate
        </Anchor>
      </Group>
      <LoadableView
        value={roles}
        loadingLabel="Reading the ports' roles from the switch"
        failedTitle="Could not read the ports' roles"
        onRetry={() => void loadRoles()}
      >
        {(value) => {
          const name = (id: string | null) =>
            id === null ? 'none' : (value.roles.find((r) => r.id === id)?.name ?? id);
          // A role change the platform has not got yet: said beside what it has.
          const queuedRole = (floorPortId: string) => {
            const local = view.state.floorPorts.find((p) => p.id === floorPortId);
            return local?.pending && local.roleId !== local.platformRoleId ? local.roleId : null;
          };
          const applicable = value.rows.filter((r) => r.blocked === null && r.preview !== null);
          return (
            <Stack gap="sm">
              <Text fw={600} c={value.done ? 'teal.9' : undefined} role="status">
                {value.done
                  ? `✓ Port roles done: every floor port in use has ${name(value.rows[0]?.neededRoleId ?? null)}, read back and verified on the switch.`
                  : `${value.rows.filter((r) => r.applied?.verified && r.applied.roleId === r.neededRoleId).length} of ${count(value.rows.length, 'floor port', 'floor ports')} verified.`}
              </Text>
              {value.rows.some((r) => r.blocked) && (
                <Alert color="yellow">{value.rows.find((r) => r.blocked)?.blocked}</Alert>
              )}
              <Table aria-label="Floor ports and their roles">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Floor port</Table.Th>
                    <Table.Th>On the switch (read)</Table.Th>
                    <Table.Th>On the platform</Table.Th>
                    <Table.Th>Needs</Table.Th>
                    <Table.Th>Change (exact commands)</Table.Th>
                    <Table.Th>State</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {value.rows.map((row) => (
                    <Table.Tr key={row.floorPortId} data-floor-port={row.label}>
                      <Table.Td ff="monospace">
                        {row.label} → {row.interfaceName}
                      </Table.Td>
                      <Table.Td>{row.preview ? name(row.switchRoleId) : '—'}</Table.Td>
                      <Table.Td>
                        {row.platformRoleId === null ? 'No role' : name(row.platformRoleId)}
                        {queuedRole(row.floorPortId) !== null &&
                          ` · ${name(queuedRole(row.floorPortId))} queued`}
                      </Table.Td>
                      <Table.Td>{name(row.neededRoleId)}</Table.Td>
                      <Table.Td>
                        {row.preview === null ? (
                          <Text size="sm" c="gray.7">
                            {row.blocked ?? '—'}
                          </Text>
                        ) : row.preview.alreadyRight ? (
                          <Text size="sm">Nothing to send: the port already has it.</Text>
                        ) : (
                          <Code block style={WRAP} aria-label={`Commands for ${row.label}`}>
                            {row.preview.commands.join('\n')}
                          </Code>
                        )}
                        {row.applied?.rejected && (
                          <Alert
                            color="red"
                            mt={4}
                            title={`The switch refused “${row.applied.rejected.command}”`}
                          >
                            <Text size="sm">{row.applied.rejected.switchSaid}</Text>
                            <Text size="sm" mt={4}>
                              The port now reads:
                            </Text>
                            <Code block style={WRAP}>
                              {row.applied.actualConfig.join('\n') || '(no configuration lines)'}
                            </Code>
                          </Alert>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <RowState row={row} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group>
                <Button
                  disabled={readOnly || applicable.length === 0}
                  loading={applying}
                  onClick={() => void applyRoles(applicable.map((r) => r.floorPortId))}
                >
                  Apply, read back and verify {count(applicable.length, 'port', 'ports')}
                </Button>
              </Group>
              {progress && (
                <Stack gap={4} aria-label="Apply progress">
                  <Progress
                    value={
                      progress.length === 0
                        ? 0
                        : (progress.length / (progress[0]?.total ?? 1)) * 100
                    }
                    aria-label="Ports applied"
                  />
                  {progress.map((p) => {
                    const label =
                      value.rows.find((r) => r.floorPortId === p.floorPortId)?.label ??
                      p.floorPortId;
                    return (
                      <Text
                        key={p.floorPortId}
                        size="sm"
                        c={
                          p.outcome === 'changed' || p.outcome === 'alreadyRight'
                            ? 'teal.9'
                            : 'red.9'
                        }
                      >
                        {p.outcome === 'changed' || p.outcome === 'alreadyRight' ? '✓' : '✗'}{' '}
                        {label}: {p.message}
                      </Text>
                    );
                  })}
                </Stack>
              )}
              {applyError && (
                <Alert color="red" title="Could not apply">
                  {applyError}
                </Alert>
              )}
              <Text size="xs" c="gray.7">
                A verified role goes to the platform’s record through the outbox.
              </Text>
            </Stack>
          );
        }}
      </LoadableView>
    </Paper>
  );
}
