import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SwitchOverviewItem } from '../../../../shared/ipc';
import { SWITCH_VENDOR_LABELS } from '../../../../shared/platform/floor-ports';
import { HostKeyPrompt } from './HostKeyPrompt';
import { useSwitch } from './switchStore';

type How = 'demo' | 'serial' | 'ssh';

const ROUTE_NAMES = { demo: 'demo switch', serial: 'console cable', ssh: 'SSH' } as const;

/** Console speeds a switch may be set to, slowest first. */
const SPEEDS = [1200, 2400, 4800, 9600, 19_200, 38_400, 57_600, 115_200];

/** One switch of the site: how to reach it, the login (asked once), and who answered. */
export function ConnectPanel({ item, demo }: { item: SwitchOverviewItem; demo: boolean }) {
  const connect = useSwitch((s) => s.connect);
  const confirm = useSwitch((s) => s.confirm);
  const disconnect = useSwitch((s) => s.disconnect);
  const pending = useSwitch((s) => s.pending);
  const error = useSwitch((s) => s.errors[`connect:${item.switchId}`] ?? null);
  const keyChanged = useSwitch((s) => Boolean(s.hostKeyChanges[item.switchId]));
  const ports = useSwitch((s) => s.serialPorts);
  const loadSerialPorts = useSwitch((s) => s.loadSerialPorts);
  const [how, setHow] = useState<How>(demo ? 'demo' : 'serial');
  const [path, setPath] = useState('');
  const [speed, setSpeed] = useState<string>('auto');
  const [host, setHost] = useState('');
  const [sshPort, setSshPort] = useState<number | string>(22);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [enableSecret, setEnableSecret] = useState('');

  useEffect(() => {
    if (how === 'serial') void loadSerialPorts();
  }, [how, loadSerialPorts]);

  const busy = pending[`connect:${item.switchId}`] === true;
  const id = item.identification;
  const session = item.session;
  const needsLogin = how !== 'demo' && !item.hasLogin;
  const login =
    how !== 'demo' && (needsLogin || username !== '')
      ? { username, password, ...(enableSecret ? { enableSecret } : {}) }
      : undefined;

  function go() {
    const route =
      how === 'demo'
        ? ({ kind: 'demo' } as const)
        : how === 'serial'
          ? ({
              kind: 'serial',
              path,
              baudRate: speed === 'auto' ? 'auto' : Number(speed),
            } as const)
          : ({ kind: 'ssh', host, port: Number(sshPort) } as const);
    void connect(item.switchId, route, login).then((ok) => {
      if (ok) {
        setPassword('');
        setEnableSecret('');
      }
    });
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Switch ${item.hostname}`}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {item.hostname}
        </Title>
        {session ? (
          <Badge color="teal.9" variant="filled">
            ● Connected · {ROUTE_NAMES[session.route]}
          </Badge>
        ) : (
          <Badge color="gray" variant="outline">
            ○ Not connected
          </Badge>
        )}
      </Group>
      <Text size="sm" c="gray.7" mb="sm">
        The site expects {SWITCH_VENDOR_LABELS[item.vendor]} {item.model}, {item.interfaceCount}{' '}
        ports, console at {item.consoleBaud} baud.
      </Text>

      {id && !id.check.matches && (
        <Alert
          color="red"
          title="This is not the switch the site data expects"
          mb="sm"
          role="alert"
        >
          <Stack gap={4}>
            {id.check.differences.map((d) => (
              <Text size="sm" key={d}>
                {d.charAt(0).toUpperCase() + d.slice(1)}.
              </Text>
            ))}
            {id.confirmed ? (
              <Text size="sm" fw={600}>
                You confirmed it is the right switch; changes are allowed.
              </Text>
            ) : (
              <>
                <Text size="sm" fw={600}>
                  Dialtone changes nothing on it until you confirm. Check which switch the console
                  cable is in first.
                </Text>
                <Group>
                  <Button
                    color="red.9"
                    variant="filled"
                    size="xs"
                    loading={pending[`confirm:${item.switchId}`] === true}
                    onClick={() => void confirm(item.switchId)}
                  >
                    It is the right switch
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Alert>
      )}
      {session && session.route !== 'demo' && (
        <Text size="sm" mb={4}>
          Line: <Code>{session.serial?.path ?? session.label}</Code>
        </Text>
      )}
      {session?.serial && (
        <Text size="sm" mb="sm" data-testid="console-speed">
          Console speed: {session.serial.baudRate} baud
          {session.serial.found ? ', found by listening' : ', as set'}
          {session.serial.baudRate !== item.consoleBaud
            ? ` (the site data says ${item.consoleBaud}).`
            : '.'}
        </Text>
      )}
      {id && id.check.matches && session && (
        <Text size="sm" mb="sm">
          ✓ Identified: {id.identity.hostname}, {id.identity.model}, serial{' '}
          {id.identity.serialNumber}, software {id.identity.softwareVersion} — the switch the site
          expects.
        </Text>
      )}

      {session ? (
        <Button
          variant="default"
          size="xs"
          loading={pending[`disconnect:${item.switchId}`] === true}
          onClick={() => void disconnect(item.switchId)}
        >
          Disconnect (saves the transcript)
        </Button>
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            aria-label={`How to reach ${item.hostname}`}
            value={how}
            onChange={(value) => setHow(value as How)}
            data={[
              ...(demo ? [{ value: 'demo', label: 'Demo switch' }] : []),
              { value: 'serial', label: 'Console cable' },
              { value: 'ssh', label: 'SSH' },
            ]}
          />
          {how === 'serial' && (
            <Stack gap={4}>
              <Group align="flex-end">
                <Select
                  label="Serial port"
                  placeholder={ports.length === 0 ? 'No serial ports found' : 'Pick a port'}
                  data={ports}
                  value={ports.some((p) => p.value === path) ? path : null}
                  onChange={(value) => value && setPath(value)}
                  w={300}
                />
                <Button variant="default" onClick={() => void loadSerialPorts()}>
                  Look again
                </Button>
                <TextInput
                  label="or type the device path"
                  placeholder="/dev/ttyUSB0, COM3"
                  value={path}
                  onChange={(e) => setPath(e.currentTarget.value)}
                  w={240}
                />
                <Select
                  label="Speed"
                  data={[
                    { value: 'auto', label: 'Auto (detect)' },
                    ...SPEEDS.map((v) => ({ value: String(v), label: `${v} baud` })),
                  ]}
                  value={speed}
                  onChange={(value) => value && setSpeed(value)}
                  allowDeselect={false}
                  w={170}
                />
              </Group>
              <Text size="sm" c="gray.7">
                {speed === 'auto'
                  ? `Auto listens at the usual console speeds on the open port and keeps the one the switch answers at (the site data says ${item.consoleBaud}).`
                  : `Dialtone opens the line at ${speed} baud only.`}{' '}
                {ports.length === 0
                  ? 'No console cable is listed: plug it in and look again, or type the path (a PTY is never listed).'
                  : ''}
              </Text>
            </Stack>
          )}
          {how === 'ssh' && (
            <Group align="flex-end">
              <TextInput
                label="Switch address"
                value={host}
                onChange={(e) => setHost(e.currentTarget.value)}
              />
              <NumberInput
                label="Port"
                value={sshPort}
                onChange={setSshPort}
                min={1}
                max={65535}
                w={100}
              />
            </Group>
          )}
          {how !== 'demo' && (
            <Stack gap={4}>
              {item.hasLogin ? (
                <Text size="sm">A login for this switch is held; leave these empty to use it.</Text>
              ) : null}
              <Group align="flex-end">
                <TextInput
                  label="User name"
                  w={200}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                  autoComplete="off"
                />
                <PasswordInput
                  label="Password"
                  w={200}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  autoComplete="off"
                />
                <PasswordInput
                  label="Enable secret (if different)"
                  w={200}
                  value={enableSecret}
                  onChange={(e) => setEnableSecret(e.currentTarget.value)}
                  autoComplete="off"
                />
              </Group>
            </Stack>
          )}
          <Group>
            <Button
              onClick={go}
              loading={busy}
              disabled={(how === 'serial' && path === '') || (how === 'ssh' && host === '')}
            >
              Connect to {item.hostname}
            </Button>
            {busy && how === 'serial' && speed === 'auto' && (
              <Text size="sm" role="status">
                Listening for the console's speed…
              </Text>
            )}
          </Group>
        </Stack>
      )}
      {!session && (
        <HostKeyPrompt switchId={item.switchId} hostname={item.hostname} onTrusted={go} />
      )}
      {error && !keyChanged && (
        <Alert color="red" mt="sm" title="Could not connect" role="alert">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
