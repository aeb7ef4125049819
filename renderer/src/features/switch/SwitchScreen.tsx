import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { SwitchOverviewItem } from '../../../../shared/ipc';
import { LoadableView } from '../../common/LoadableView';
import { useOpenJob } from '../jobs/openJobStore';
import { segmentForStep } from '../jobs/stepSegments';
import { ConnectPanel } from './ConnectPanel';
import { Faceplate } from './Faceplate';
import { PortDetails } from './PortDetails';
import { ageOf } from './portLook';
import { useSwitch } from './switchStore';

/**
 * What the faceplate of a connected switch is labelled with. A switch that is not the one the
 * site data expects is drawn as itself (its own hostname, model and serial) and without the
 * expected switch's floor ports, until the engineer confirms it is the right one; from then on
 * changes are allowed (shared/switch/work.ts changesAllowed) and it is taken as the expected switch.
 */
function faceplateOf(item: SwitchOverviewItem): {
  hostname: string;
  detail: string;
  floorPortsKnown: boolean;
} {
  const identity = item.session?.identity ?? item.identification?.identity;
  if (!identity) return { hostname: item.hostname, detail: '', floorPortsKnown: true };
  const facts = `${identity.model}, serial ${identity.serialNumber}`;
  if (!item.changesAllowed)
    return {
      hostname: identity.hostname,
      detail: `${facts}. Not ${item.hostname}, the switch the site data expects: its floor ports are not drawn on these ports until you confirm it is the right switch.`,
      floorPortsKnown: false,
    };
  const renamed = identity.hostname.toLowerCase() !== item.hostname.toLowerCase();
  return {
    hostname: item.hostname,
    detail: renamed
      ? `${facts}; it calls itself ${identity.hostname}, and you confirmed it is ${item.hostname}.`
      : facts,
    floorPortsKnown: true,
  };
}

/** `jobs/$jobId/switch`: connect to the site's switches, and each connected one's faceplate. */
export function SwitchScreen() {
  const { jobId } = useParams({ from: '/jobs/$jobId/switch' });
  const open = useSwitch((s) => s.open);
  const overview = useSwitch((s) => s.overview);
  const ports = useSwitch((s) => s.ports);
  const loadPorts = useSwitch((s) => s.loadPorts);
  const follow = useSwitch((s) => s.follow);
  const view = useOpenJob((s) => s.view);
  const [selected, setSelected] = useState<Record<string, string | null>>({});
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void open(jobId);
  }, [jobId, open]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);

  const connectedIds =
    overview.status === 'ready'
      ? overview.value.switches
          .filter((s) => s.session !== null)
          .map((s) => s.switchId)
          .join(',')
      : '';
  useEffect(() => {
    const stops = connectedIds === '' ? [] : connectedIds.split(',').map((id) => follow(id));
    return () => stops.forEach((stop) => stop());
  }, [connectedIds, follow]);

  const floorPorts = view.status === 'ready' ? view.value.state.snapshot.floorPorts : [];

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Switch
        </Title>
        <Group gap="md">
          <Anchor
            renderRoot={(props) => (
              <Link to="/jobs/$jobId/$step" params={{ jobId, step: 'cabling' }} {...props} />
            )}
          >
            Cabling
          </Anchor>
          <Anchor
            renderRoot={(props) => (
              <Link
                to="/jobs/$jobId/$step"
                params={{ jobId, step: segmentForStep('portRole') }}
                {...props}
              />
            )}
          >
            Port roles
          </Anchor>
          <Anchor
            renderRoot={(props) => <Link to="/jobs/$jobId/console" params={{ jobId }} {...props} />}
          >
            Console
          </Anchor>
        </Group>
      </Group>
      <LoadableView
        value={overview}
        loadingLabel="Loading the site's switches"
        failedTitle="Could not read the switches"
        onRetry={() => void open(jobId)}
      >
        {(value) => (
          <Stack gap="lg">
            <Text size="sm" fw={value.credentialKeeping === 'memory' ? 600 : undefined}>
              {value.credentialKeeping === 'encrypted'
                ? 'Switch logins are asked once and kept encrypted by this computer’s keychain; they never leave Dialtone’s main process.'
                : 'This computer has no secure store: switch logins are kept in memory for this run only and asked again next time. They are never written to disk.'}
            </Text>
            {value.switches.map((item) => {
              const portList = ports[item.switchId];
              const picture = faceplateOf(item);
              const labels: Record<string, string> = picture.floorPortsKnown
                ? Object.fromEntries(
                    floorPorts
                      .filter((p) => p.switchId === item.switchId)
                      .map((p) => [p.interfaceName, p.label]),
                  )
                : {};
              const chosen = selected[item.switchId] ?? null;
              return (
                <Stack key={item.switchId} gap="sm">
                  <ConnectPanel item={item} demo={value.demo} />
                  {item.session && portList && (
                    <LoadableView
                      value={portList}
                      loadingLabel={`Reading the ports of ${picture.hostname}`}
                      failedTitle={`Could not read the ports of ${picture.hostname}`}
                      onRetry={() => void loadPorts(item.switchId, true)}
                    >
                      {(list) => {
                        const newest = list.reduce(
                          (latest, p) => (p.readAt > latest ? p.readAt : latest),
                          '',
                        );
                        const port = list.find((p) => p.interfaceName === chosen) ?? null;
                        return (
                          <Stack gap="sm">
                            <Faceplate
                              hostname={picture.hostname}
                              detail={picture.detail}
                              ports={list}
                              floorLabels={labels}
                              selected={chosen}
                              onSelect={(name) =>
                                setSelected((s) => ({ ...s, [item.switchId]: name }))
                              }
                            />
                            <Group gap="sm">
                              <Text size="xs" c="gray.7">
                                {newest
                                  ? `Read from the switch ${ageOf(newest, now)} (${new Date(newest).toLocaleTimeString()}); updates as the switch reports changes.`
                                  : ''}
                              </Text>
                              <Button
                                size="compact-xs"
                                variant="default"
                                onClick={() => void loadPorts(item.switchId, true)}
                              >
                                Read all ports now
                              </Button>
                            </Group>
                            {port ? (
                              <PortDetails
                                port={port}
                                floorLabel={labels[port.interfaceName]}
                                floorPortsKnown={picture.floorPortsKnown}
                                now={now}
                              />
                            ) : (
                              <Text size="sm" c="gray.7">
                                Select a port to see its facts.
                              </Text>
                            )}
                          </Stack>
                        );
                      }}
                    </LoadableView>
                  )}
                </Stack>
              );
            })}
            {value.switches.length === 0 && (
              <Alert color="yellow">The site data lists no switches.</Alert>
            )}
          </Stack>
        )}
      </LoadableView>
    </Stack>
  );
}
