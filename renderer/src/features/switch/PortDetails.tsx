import { Paper, Table, Text, Title } from '@mantine/core';
import type { PortFacts } from '../../../../shared/switch/facts';
import { ageOf, portLook, poeWords } from './portLook';

/** The facts of one port, as read from the switch, and the floor port patched to it. */
export function PortDetails({
  port,
  floorLabel,
  floorPortsKnown = true,
  now,
}: {
  port: PortFacts;
  floorLabel: string | undefined;
  /** False on a switch that is not the one the site data expects: its floor ports are not known. */
  floorPortsKnown?: boolean;
  now: number;
}) {
  const look = portLook(port);
  const rows: [string, string][] = [
    ['Status', `${look.word} · ${ageOf(port.readAt, now)}`],
    [
      'Floor port',
      !floorPortsKnown
        ? 'not known: this is not the switch the site data expects'
        : (floorLabel ?? 'not patched to a floor port'),
    ],
    ['Description', port.description || '—'],
    ['VLAN', port.vlan === null ? '—' : String(port.vlan)],
    ['PoE', poeWords(port.poe)],
    [
      'Neighbour',
      port.neighbour
        ? `${port.neighbour.manufacturer} ${port.neighbour.model} (${port.neighbour.protocol.toUpperCase()}${port.neighbour.mac ? `, ${port.neighbour.mac}` : ''})`
        : 'none',
    ],
    ['MAC addresses', port.macs.join(', ') || 'none learnt'],
  ];
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={`Port ${port.interfaceName}`}
    >
      <Title order={3} size="h4" mb="xs">
        Port {port.number} · {port.interfaceName}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([name, value]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" w={140}>
                {name}
              </Table.Th>
              <Table.Td>
                <Text size="sm">{value}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
