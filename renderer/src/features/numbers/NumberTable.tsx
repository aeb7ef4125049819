import { Button, Group, Table, Text } from '@mantine/core';
import { memo, useState } from 'react';
import type { PhoneNumber } from '../../../../shared/platform/schemas';

/**
 * Rows on one page of the table. An occupier can hold a thousand numbers: drawing them all
 * costs more than the step's 200 ms budget (bench/numbers-step.ts), and nobody reads them
 * all at once; the findings above name every number that needs something.
 */
export const NUMBERS_PER_PAGE = 50;

function roleOf(n: PhoneNumber): string {
  if (n.isMain) return 'Main number (inbound only)';
  return n.state === 'ACTIVE' ? 'Service number' : 'Spare';
}

/** The occupier's numbers (with queued changes), a page at a time when there are many. */
export const NumberTable = memo(function NumberTable({
  numbers,
  queued,
}: {
  numbers: readonly PhoneNumber[];
  /** E.164s with a change waiting in the outbox. */
  queued: ReadonlySet<string>;
}) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(numbers.length / NUMBERS_PER_PAGE));
  // Fewer numbers than before (released ones): stay on the last page there is.
  const shown = Math.min(page, pages - 1);
  const first = shown * NUMBERS_PER_PAGE;
  const rows = numbers.slice(first, first + NUMBERS_PER_PAGE);
  const range =
    numbers.length === 0
      ? 'No numbers'
      : `Numbers ${(first + 1).toLocaleString('en-GB')}–${(first + rows.length).toLocaleString('en-GB')} of ${numbers.length.toLocaleString('en-GB')}`;
  return (
    <>
      <Table aria-label="The occupier's numbers">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            <Table.Th>Extension</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Role</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => (
            <Table.Tr key={n.e164}>
              <Table.Td>{n.e164}</Table.Td>
              <Table.Td>{n.extension}</Table.Td>
              <Table.Td>
                {n.state}
                {queued.has(n.e164) ? ' (queued)' : ''}
              </Table.Td>
              <Table.Td>{roleOf(n)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="space-between" mt="sm">
          <Text aria-live="polite">{range}</Text>
          <Group gap="xs">
            <Button
              variant="outline"
              disabled={shown === 0}
              onClick={() => setPage(shown - 1)}
              aria-label={`Previous ${NUMBERS_PER_PAGE} numbers`}
            >
              Previous
            </Button>
            <Button
              variant="outline"
              disabled={shown === pages - 1}
              onClick={() => setPage(shown + 1)}
              aria-label={`Next ${NUMBERS_PER_PAGE} numbers`}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}
    </>
  );
});
