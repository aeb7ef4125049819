import { Table } from '@mantine/core';
import { memo } from 'react';
import type { PhoneNumber } from '../../../../shared/platform/schemas';
import { Pager, usePage } from '../../common/paging';

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
  const page = usePage(numbers, NUMBERS_PER_PAGE);
  const { rows } = page;
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
      <Pager noun="Numbers" total={numbers.length} perPage={NUMBERS_PER_PAGE} page={page} />
    </>
  );
});
