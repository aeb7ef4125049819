import { Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { faceplateRows, portSummary, type PortFacts } from '../../../../shared/switch/facts';
import { portLook, poeWords } from './portLook';

export interface FaceplateProps {
  /** The switch the picture is of: the one connected, by the name it gives itself. */
  hostname: string;
  /** What else identifies it (model, serial), or why it is taken as the expected one. */
  detail?: string;
  ports: PortFacts[];
  /** Interface → floor-port label, for the patched interfaces. */
  floorLabels: Record<string, string>;
  selected: string | null;
  onSelect(interfaceName: string): void;
}

function PortButton({
  port,
  label,
  selected,
  onSelect,
}: {
  port: PortFacts;
  label: string | undefined;
  selected: boolean;
  onSelect(): void;
}) {
  const look = portLook(port);
  const name = `Port ${port.number} (${port.interfaceName}): ${look.word}, ${poeWords(port.poe)}${
    port.neighbour ? `, ${port.neighbour.model || port.neighbour.mac}` : ''
  }${label ? `, floor port ${label}` : ''}`;
  // The theme's filled shade carries white text at 4.5:1 (app/theme.ts); shade 7 does not.
  const colour = `var(--mantine-color-${look.colour}-filled)`;
  return (
    <Tooltip label={name} withArrow openDelay={200}>
      <UnstyledButton
        aria-label={name}
        aria-pressed={selected}
        data-port={port.interfaceName}
        data-link={port.link}
        onClick={onSelect}
        style={{
          width: 46,
          height: 52,
          borderRadius: 4,
          border: `2px ${look.outline ? 'dashed' : 'solid'} ${selected ? 'var(--mantine-color-indigo-9)' : colour}`,
          outline: selected ? '2px solid var(--mantine-color-indigo-9)' : undefined,
          background: look.outline || port.link === 'down' ? 'var(--mantine-color-body)' : colour,
          color: look.outline || port.link === 'down' ? 'var(--mantine-color-text)' : 'white',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          lineHeight: 1.1,
        }}
      >
        <Text span fz={11} fw={700} c="inherit">
          {port.number}
        </Text>
        <Text span fz={14} c="inherit" aria-hidden>
          {look.shape}
        </Text>
        <Text span fz={9} c="inherit">
          {look.word}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

function FloorLabel({ label }: { label: string | undefined }) {
  return (
    <Text fz={9} ff="monospace" ta="center" w={46} aria-hidden>
      {label ?? '·'}
    </Text>
  );
}

/** The switch as the hardware has it: odd ports on top, even below, uplinks in their own block. */
export function Faceplate({
  hostname,
  detail,
  ports,
  floorLabels,
  selected,
  onSelect,
}: FaceplateProps) {
  const rows = faceplateRows(ports);
  const row = (list: PortFacts[], labelsBelow: boolean) => (
    <Group gap={4} wrap="nowrap">
      {list.map((port) => (
        <Stack key={port.interfaceName} gap={2}>
          {!labelsBelow && <FloorLabel label={floorLabels[port.interfaceName]} />}
          <PortButton
            port={port}
            label={floorLabels[port.interfaceName]}
            selected={selected === port.interfaceName}
            onSelect={() => onSelect(port.interfaceName)}
          />
          {labelsBelow && <FloorLabel label={floorLabels[port.interfaceName]} />}
        </Stack>
      ))}
    </Group>
  );
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="figure"
      aria-label={`Faceplate of ${hostname}`}
      style={{ margin: 0, overflowX: 'auto' }}
    >
      <Text size="sm" fw={600} mb={4}>
        {hostname} · {portSummary(ports)}
      </Text>
      {detail && (
        <Text size="xs" c="gray.7" mb={4}>
          {detail}
        </Text>
      )}
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack gap={4}>
          {row(rows.top, false)}
          {row(rows.bottom, true)}
        </Stack>
        {rows.uplinks.length > 0 && (
          <Stack gap={4} aria-label="Uplinks">
            <Text size="xs" c="gray.7">
              Uplinks
            </Text>
            {row(rows.uplinks, true)}
          </Stack>
        )}
      </Group>
    </Paper>
  );
}
