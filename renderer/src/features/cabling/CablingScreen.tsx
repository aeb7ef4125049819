import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { CablingRowView } from '../../../../shared/ipc';
import { BADGE_WRAP } from '../../common/badgeWrap';
import { LoadableView } from '../../common/LoadableView';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { useSwitch } from '../switch/switchStore';
import { count } from '../../../../shared/wording';

function Outcome({ row }: { row: CablingRowView }) {
  if (row.outcome === 'ok')
    return (
      <Badge color="teal.9" variant="filled" styles={BADGE_WRAP}>
        ✓ Seen on {row.floorPortLabel}
      </Badge>
    );
  if (row.outcome === 'wrongPort')
    return (
      <Badge color="red" variant="filled" styles={BADGE_WRAP}>
        ✗ In {row.observed?.floorPortLabel ?? row.observed?.interfaceName}, not {row.floorPortLabel}
      </Badge>
    );
  return (
    <Badge color="gray" variant="outline" styles={BADGE_WRAP}>
      ○ Not seen yet
    </Badge>
  );
}

function Observed({ row }: { row: CablingRowView }) {
  const o = row.observed;
  if (!o)
    return (
      <Text size="sm" c="gray.7">
        Plug it in now: Dialtone is watching the switch.
      </Text>
    );
  return (
    <Text size="sm">
      {o.interfaceName} link {o.link}, PoE {o.poe}
      {o.poeWatts !== null ? ` ${o.poeWatts} W` : ''}
      {o.neighbour
        ? `, ${o.neighbour.protocol.toUpperCase()} neighbour ${o.neighbour.model}${o.neighbour.mac ? ` (${o.neighbour.mac})` : ''}`
        : ', no LLDP/CDP neighbour yet'}
    </Text>
  );
}

/** The Cabling step: each handset's floor port, and what the switch shows for it. */
export function CablingScreen({ view, readOnly }: JobStepScreenProps) {
  const jobId = view.state.jobId;
  const open = useSwitch((s) => s.open);
  const overview = useSwitch((s) => s.overview);
  const cabling = useSwitch((s) => s.cabling);
  const loadCabling = useSwitch((s) => s.loadCabling);
  const watch = useSwitch((s) => s.watch);
  const planCabling = useSwitch((s) => s.planCabling);
  const demoPlug = useSwitch((s) => s.demoPlug);
  const pending = useSwitch((s) => s.pending);
  const errors = useSwitch((s) => s.errors);

  useEffect(() => {
    watch('cabling', true);
    void open(jobId).then(() => loadCabling());
    return () => watch('cabling', false);
  }, [jobId, open, loadCabling, watch]);

  const connected =
    overview.status === 'ready' && overview.value.switches.some((s) => s.session !== null);
  const demo = overview.status === 'ready' && overview.value.demo;
  // A switch that is not the one the site data expects tells nothing about the floor ports.
  const unconfirmed =
    overview.status === 'ready'
      ? overview.value.switches.filter((s) => s.session !== null && !s.changesAllowed)
      : [];

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label="Cabling seen by the switch"
    >
      <Group justify="space-between" mb="sm">
        <Title order={3}>Cabling</Title>
        <Anchor
          renderRoot={(props) => <Link to="/jobs/$jobId/switch" params={{ jobId }} {...props} />}
        >
          Switch and faceplate
        </Anchor>
      </Group>
      {!connected && (
        <Alert color="yellow" mb="sm" title="Not connected to the switch">
          Dialtone ticks cabling from what the switch sees.{' '}
          <Anchor
            renderRoot={(props) => <Link to="/jobs/$jobId/switch" params={{ jobId }} {...props} />}
          >
            Connect to the switch
          </Anchor>{' '}
          first.
        </Alert>
      )}
      {unconfirmed.map((s) => (
        <Alert
          key={s.switchId}
          color="red"
          mb="sm"
          title={`Cabling on ${s.hostname} is not checked: it is not the expected switch`}
        >
          The console line reaches {s.identification?.identity.hostname ?? 'another switch'}, not{' '}
          {s.hostname}, so what it shows says nothing about {s.hostname}&apos;s floor ports.{' '}
          <Anchor
            renderRoot={(props) => <Link to="/jobs/$jobId/switch" params={{ jobId }} {...props} />}
          >
            Check the console cable, or confirm it is the right switch
          </Anchor>
          .
        </Alert>
      ))}
      <LoadableView
        value={cabling}
        loadingLabel="Reading the cabling"
        failedTitle="Could not read the cabling"
        onRetry={() => void loadCabling()}
      >
        {(value) => (
          <Stack gap="sm">
            <Text fw={600} c={value.done ? 'teal.9' : undefined} role="status">
              {value.done
                ? value.handsets.length === 1
                  ? '✓ Cabling done: the handset is seen by the switch on its floor port.'
                  : `✓ Cabling done: all ${value.handsets.length} handsets seen by the switch on their floor ports.`
                : `${value.handsets.filter((h) => h.outcome === 'ok').length} of ${count(value.handsets.length, 'handset', 'handsets')} seen on ${value.handsets.length === 1 ? 'its floor port' : 'their floor ports'}.`}
            </Text>
            <Table aria-label="Handsets and their floor ports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Handset</Table.Th>
                  <Table.Th>Floor port</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th>What the switch shows</Table.Th>
                  <Table.Th>Action</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {value.handsets.map((row) => (
                  <Table.Tr key={row.handsetId} data-handset={row.handsetId}>
                    <Table.Td>
                      <Text size="sm">{row.modelName}</Text>
                      <Text size="xs" ff="monospace" c="gray.7">
                        {row.mac}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {row.floorPortLabel ?? '—'}{' '}
                        {row.interfaceName ? `→ ${row.interfaceName}` : ''}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {row.planSource === 'platform'
                          ? 'from the platform'
                          : row.planSource === 'engineer'
                            ? 'chosen in this job'
                            : row.planSource === 'suggested'
                              ? 'suggested: next free floor port'
                              : 'no floor port'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Outcome row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Observed row={row} />
                      {row.outcome === 'wrongPort' && (
                        <Text size="sm" c="red.9">
                          Mis-cabled: it is really in floor port{' '}
                          {row.observed?.floorPortLabel ?? 'unknown'}.
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {row.outcome === 'wrongPort' && row.observed?.floorPortId && (
                          <>
                            <Button
                              size="compact-xs"
                              disabled={readOnly}
                              loading={pending[`plan:${row.handsetId}`] === true}
                              onClick={() =>
                                void planCabling(row.handsetId, row.observed!.floorPortId!)
                              }
                            >
                              Fix the plan: use {row.observed.floorPortLabel}
                            </Button>
                            <Text size="xs">or re-cable it into {row.floorPortLabel}</Text>
                          </>
                        )}
                        <Select
                          label="Planned floor port"
                          aria-label={`Floor port for ${row.modelName} ${row.mac}`}
                          size="xs"
                          data={value.floorPorts.map((p) => ({ value: p.id, label: p.label }))}
                          value={row.floorPortId}
                          disabled={readOnly}
                          allowDeselect={false}
                          onChange={(id) =>
                            id && id !== row.floorPortId && void planCabling(row.handsetId, id)
                          }
                        />
                        {demo && (
                          <Group gap={4} align="end">
                            <Select
                              label="Demo: plugged into"
                              aria-label={`Demo: plug ${row.mac} into floor port`}
                              size="xs"
                              placeholder="Plug into…"
                              data={value.floorPorts.map((p) => ({ value: p.id, label: p.label }))}
                              value={row.pluggedInto}
                              onChange={(id) => void demoPlug(row.handsetId, id)}
                              w={140}
                            />
                            {row.pluggedInto === null && row.floorPortId && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                loading={pending[`plug:${row.handsetId}`] === true}
                                onClick={() => void demoPlug(row.handsetId, row.floorPortId)}
                              >
                                Plug handset into {row.floorPortLabel}
                              </Button>
                            )}
                          </Group>
                        )}
                        {errors[`plan:${row.handsetId}`] && (
                          <Text size="xs" c="red.9">
                            {errors[`plan:${row.handsetId}`]}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {demo && (
              <Text size="xs" c="gray.7">
                Demo: the “plug into” controls move the handset in the simulated building; the
                switch then reports it as a real one would.
              </Text>
            )}
          </Stack>
        )}
      </LoadableView>
    </Paper>
  );
}
