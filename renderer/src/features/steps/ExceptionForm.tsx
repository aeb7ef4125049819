import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { ExceptionReason } from '../../../../shared/platform/installation';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';

const REASONS: { value: ExceptionReason; label: string }[] = [
  { value: 'occupierAbsent', label: 'Occupier absent' },
  { value: 'handsetNotDelivered', label: 'Handset not delivered' },
  { value: 'portingPending', label: 'Porting pending' },
  { value: 'other', label: 'Other (say why)' },
];

/** Signs one open item off with a typed reason (DOMAIN.md: an exception). */
export function ExceptionForm({ itemId, label }: { itemId: string; label: string }) {
  const run = useOpenJob((state) => state.installation);
  const key = jobActionKey.installation(`exception:${itemId}`);
  const pending = useOpenJob((state) => state.pending[key] === true);
  const [reason, setReason] = useState<ExceptionReason | null>(null);
  const [text, setText] = useState('');
  return (
    <Group align="end" gap="xs">
      <Select
        label={`Exception reason for ${label}`}
        placeholder="Choose a reason"
        data={REASONS}
        value={reason}
        onChange={(value) => setReason(value as ExceptionReason | null)}
        size="sm"
      />
      {reason === 'other' && (
        <TextInput
          label="Why"
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
    </Group>
  );
}
