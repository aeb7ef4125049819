import { Button, Group, Select, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ExceptionReason } from '../../../../shared/platform/installation';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';

const REASONS: { value: ExceptionReason; label: string }[] = [
  { value: 'occupierAbsent', label: 'Occupier absent' },
  { value: 'handsetNotDelivered', label: 'Handset not delivered' },
  { value: 'portingPending', label: 'Porting pending' },
  { value: 'other', label: 'Other (say why)' },
];

/**
 * Signs one open item off with a typed reason (DOMAIN.md: an exception). Folded away until
 * asked for, so the step's own actions stay the obvious next thing to do. Opening it puts focus
 * on the reason, and Cancel gives focus back to the button that opened it, so a keyboard user
 * is never dropped on the page itself.
 */
export function ExceptionForm({ itemId, message }: { itemId: string; message: string }) {
  const run = useOpenJob((state) => state.installation);
  const key = jobActionKey.installation(`exception:${itemId}`);
  const pending = useOpenJob((state) => state.pending[key] === true);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ExceptionReason | null>(null);
  const [text, setText] = useState('');
  const reasonField = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the form has opened or closed: only after the user did it. */
  const focusNext = useRef<'reason' | 'opener' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'reason' ? reasonField.current : opener.current;
    if (focusNext.current) target?.focus();
    focusNext.current = null;
  }, [open]);
  const toggle = (next: boolean) => {
    focusNext.current = next ? 'reason' : 'opener';
    setOpen(next);
  };
  if (!open)
    return (
      <Button
        ref={opener}
        size="compact-sm"
        variant="subtle"
        color="gray"
        c="gray.9"
        aria-expanded={false}
        aria-label={`Record an exception for: ${message}`}
        onClick={() => toggle(true)}
      >
        Record an exception…
      </Button>
    );
  return (
    <Group align="end" gap="xs" mt={4}>
      <Select
        ref={reasonField}
        label="Reason"
        aria-label={`Reason for the exception to: ${message}`}
        placeholder="Choose a reason"
        data={REASONS}
        value={reason}
        onChange={(value) => setReason(value as ExceptionReason | null)}
        size="sm"
        w={240}
      />
      {reason === 'other' && (
        <TextInput
          label="Why"
          aria-label={`Why (the exception to: ${message})`}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          size="sm"
        />
      )}
      <Button
        size="sm"
        variant="light"
        disabled={reason === null || (reason === 'other' && text.trim() === '')}
        loading={pending}
        onClick={() =>
          reason && void run(key, 'installation:recordException', { itemId, reason, text })
        }
      >
        Record exception
      </Button>
      <Button size="sm" variant="subtle" color="gray" c="gray.9" onClick={() => toggle(false)}>
        Cancel
      </Button>
    </Group>
  );
}
