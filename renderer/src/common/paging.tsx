import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

/**
 * One page of a long list: drawing a thousand rows costs more than a step's 200 ms budget
 * (bench/numbers-step.ts), and nobody reads them all at once.
 */
export function usePage<T>(items: readonly T[], perPage: number) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  // Fewer items than before (released numbers): stay on the last page there is.
  const shown = Math.min(page, pages - 1);
  const first = shown * perPage;
  return { rows: items.slice(first, first + perPage), first, shown, pages, setPage };
}

/** "Numbers 1–50 of 1,000" with Previous and Next, shown only when there is more than a page. */
export function Pager({
  noun,
  total,
  perPage,
  page,
}: {
  /** Plural, capitalised: "Numbers". */
  noun: string;
  total: number;
  perPage: number;
  page: ReturnType<typeof usePage>;
}) {
  const { first, rows, shown, pages, setPage } = page;
  if (pages <= 1) return null;
  const n = (value: number) => value.toLocaleString('en-GB');
  const lower = noun.toLowerCase();
  return (
    <Group justify="space-between" mt="sm">
      <Text aria-live="polite">{`${noun} ${n(first + 1)}–${n(first + rows.length)} of ${n(total)}`}</Text>
      <Group gap="xs">
        <Button
          variant="outline"
          disabled={shown === 0}
          onClick={() => setPage(shown - 1)}
          aria-label={`Previous ${perPage} ${lower}`}
        >
          Previous
        </Button>
        <Button
          variant="outline"
          disabled={shown === pages - 1}
          onClick={() => setPage(shown + 1)}
          aria-label={`Next ${perPage} ${lower}`}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
