import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { canSignOff, signOffRecordStatus } from '../../../../shared/jobs';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';
import type { JobStepScreenProps } from '../jobs/stepScreens';

/** Sign-off: only when every step is green or each open item has an exception. */
/** How the installation record with the sign-off stands on the platform, as the alert shows it. */
const RECORD_ALERT = {
  onPlatform: { color: 'teal', title: '✓ On the platform' },
  refused: { color: 'red', title: '✗ Refused by the platform' },
  queued: { color: 'blue', title: '… Queued, not on the platform yet' },
} as const;

export function SignOffStep({ view, readOnly }: JobStepScreenProps) {
  const run = useOpenJob((state) => state.installation);
  const key = jobActionKey.installation('signOff');
  const pending = useOpenJob((state) => state.pending[key] === true);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const signed = view.state.installation.signOff;
  const allowed = canSignOff(view.steps);
  const onPlatform = signOffRecordStatus(view.state);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Sign off">
      <Title order={3} size="h4" mb="xs">
        Who signs
      </Title>
      {signed ? (
        <Stack gap="sm" align="start">
          <Text>
            Signed off by {signed.signerName} ({signed.signerRole}) on{' '}
            {new Date(signed.at).toLocaleString()}.
          </Text>
          {onPlatform.kind !== 'notSignedOff' && (
            <Alert
              role="status"
              color={RECORD_ALERT[onPlatform.kind].color}
              title={RECORD_ALERT[onPlatform.kind].title}
            >
              {onPlatform.message}
            </Alert>
          )}
          <Button
            size="lg"
            renderRoot={(props) => (
              <Link to="/jobs/$jobId/report" params={{ jobId: view.summary.jobId }} {...props} />
            )}
          >
            Open the report
          </Button>
        </Stack>
      ) : (
        <Stack gap="xs">
          {!allowed && (
            <Text>Sign-off opens when every step is done or each open item has an exception.</Text>
          )}
          <TextInput
            label="Signer's name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            disabled={readOnly}
          />
          <TextInput
            label="Signer's role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            disabled={readOnly}
          />
          <Button
            size="lg"
            disabled={!allowed || readOnly || name.trim() === '' || role.trim() === ''}
            loading={pending}
            onClick={() =>
              void run(key, 'installation:signOff', { signerName: name, signerRole: role })
            }
          >
            Sign off the job
          </Button>
        </Stack>
      )}
    </Paper>
  );
}
