import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { JobCoverage } from '../../../../shared/jobs';

const KIND_LABELS: Record<JobCoverage['kind'], string> = {
  firstAdd: 'First-time add',
  upgrade: 'Upgrade',
  manualNumbers: 'First-time add, manual numbers',
  noServices: 'No voice service yet',
};

const SOURCE_LABELS: Record<string, string> = { ported: 'ported', customRange: 'custom range' };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a job for this occupier covers, as the site snapshot says, before it is started. */
export function JobCoveragePanel({ coverage }: { coverage: JobCoverage }) {
  const { numbers } = coverage;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="What the job covers">
      <Stack gap="md">
        <Group justify="space-between" align="start">
          <div>
            <Title order={2} size="h3">
              What the job covers
            </Title>
            <Text size="sm" c="dimmed">
              {coverage.occupierName} at {coverage.siteName} · contact{' '}
              {coverage.contact || 'not given'} · platform snapshot of{' '}
              {new Date(coverage.snapshotTakenAt).toLocaleString()}
            </Text>
          </div>
          <Badge size="lg" variant="light">
            {KIND_LABELS[coverage.kind]}
          </Badge>
        </Group>
        <Text>{coverage.kindReason}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Title order={3} size="h4">
              Voice services
            </Title>
            {coverage.voiceServices.length === 0 ? (
              <Text>None yet.</Text>
            ) : (
              <Text>
                {count(coverage.voiceServices.length, 'voice service')}, quantity{' '}
                {coverage.quantity} in all
              </Text>
            )}
            <Text>
              Numbers: {numbers.allocated} allocated, {numbers.active} active, {numbers.spare} spare
              · main number {numbers.main ?? 'none yet'}
            </Text>
          </div>
          <div>
            <Title order={3} size="h4">
              Manual numbers
            </Title>
            {coverage.manualNumbers.length === 0 ? (
              <Text>None (no ported or custom-range numbers).</Text>
            ) : (
              <List size="sm">
                {coverage.manualNumbers.map((n) => (
                  <List.Item key={n.e164}>
                    {n.e164} · {SOURCE_LABELS[n.source] ?? n.source} · {n.state.toLowerCase()}
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <div>
            <Title order={3} size="h4" mb={4}>
              {count(coverage.floorPorts.length, 'floor port')}
            </Title>
            {coverage.floorPorts.length === 0 ? (
              <Text>None allocated to this occupier.</Text>
            ) : (
              <Table aria-label="The occupier's floor ports" withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Port</Table.Th>
                    <Table.Th>Space</Table.Th>
                    <Table.Th>Switch interface</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {coverage.floorPorts.map((port) => (
                    <Table.Tr key={port.id}>
                      <Table.Td ff="monospace">{port.label}</Table.Td>
                      <Table.Td>{port.space}</Table.Td>
                      <Table.Td ff="monospace">{port.switchInterface}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
          <div>
            <Title order={3} size="h4" mb={4}>
              {count(coverage.handsets.length, 'handset')}
            </Title>
            {coverage.handsets.length === 0 ? (
              <Text>None on the platform&apos;s records for this occupier yet.</Text>
            ) : (
              <Table aria-label="The occupier's handsets" withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Model</Table.Th>
                    <Table.Th>MAC</Table.Th>
                    <Table.Th>Login</Table.Th>
                    <Table.Th>Floor port</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {coverage.handsets.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td>{h.model}</Table.Td>
                      <Table.Td ff="monospace">{h.mac}</Table.Td>
                      <Table.Td>
                        {h.loginMethod === 'remote'
                          ? 'remote'
                          : h.loginMethod === 'manual'
                            ? 'keypad'
                            : '—'}
                      </Table.Td>
                      <Table.Td ff="monospace">{h.floorPortLabel ?? 'not cabled yet'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </div>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
