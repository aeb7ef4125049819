import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { isNumbersFinding, predictSnapshot } from '../../../../shared/jobs';
import { checkNumbers, describeFix } from '../../../../shared/numbers';
import { count } from '../../../../shared/wording';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { segmentForStep } from '../jobs/stepSegments';
import { FindingLine } from './FindingLine';

/** The Numbers step: the platform's numbers (with queued changes) and every finding with its fix. */
export function NumbersStep({ view, readOnly }: JobStepScreenProps) {
  const run = useOpenJob((state) => state.installation);
  const pending = useOpenJob((state) => state.pending);
  const [quantity, setQuantity] = useState<number | string>(3);
  const { state } = view;
  const predicted = useMemo(() => predictSnapshot(state), [state]);
  const allFindings = useMemo(
    () => checkNumbers(predicted.snapshot, state.occupierId, { stage: 'signoff' }),
    [predicted, state.occupierId],
  );
  // A number on no handset is Handset login's to fix: listed here apart, fixed there.
  const findings = allFindings.filter((f) => isNumbersFinding(f.id));
  const handsetFindings = allFindings.filter((f) => !isNumbersFinding(f.id));
  const numbers = predicted.snapshot.numbers.filter((n) => n.occupierId === state.occupierId);
  const services = predicted.snapshot.voiceServices.filter(
    (s) => s.occupierId === state.occupierId,
  );
  const addKey = jobActionKey.installation('addVoiceService');
  return (
    <Stack gap="lg">
      {services.length === 0 && !readOnly && (
        <Paper withBorder p="md" radius="md" component="section" aria-label="Voice services">
          <Title order={3} size="h4">
            Voice services
          </Title>
          <Text mb="xs">
            This occupier has no voice service yet: add the quantity the job covers.
          </Text>
          <Group align="end">
            <NumberInput
              label="Voice services (quantity)"
              min={1}
              max={1000}
              value={quantity}
              onChange={setQuantity}
            />
            <Button
              loading={pending[addKey] === true}
              onClick={() =>
                void run(addKey, 'installation:addVoiceService', { quantity: Number(quantity) })
              }
            >
              Add voice services
            </Button>
          </Group>
        </Paper>
      )}
      <Paper withBorder p="md" radius="md" component="section" aria-label="Findings">
        <Title order={3} size="h4" mb="xs">
          Findings
        </Title>
        <Stack gap="sm">
          {findings.map((finding) => {
            const key = jobActionKey.installation(`fix:${finding.id}`);
            return (
              <FindingLine
                key={finding.id}
                finding={finding}
                action={
                  finding.fix &&
                  !readOnly && (
                    <Button
                      size="sm"
                      h="auto"
                      py={6}
                      maw={280}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                      loading={pending[key] === true}
                      onClick={() =>
                        void run(key, 'installation:fixFinding', { findingId: finding.id })
                      }
                    >
                      Fix: {describeFix(finding.fix)}
                    </Button>
                  )
                }
              />
            );
          })}
          {handsetFindings.length > 0 && (
            <>
              <Title order={4} size="h5" mt="xs">
                For the{' '}
                <Anchor
                  renderRoot={(props) => (
                    <Link
                      to="/jobs/$jobId/$step"
                      params={{ jobId: state.jobId, step: segmentForStep('handsetLogin') }}
                      {...props}
                    />
                  )}
                >
                  Handset login
                </Anchor>{' '}
                step: {count(handsetFindings.length, 'number needs', 'numbers need')} a handset
              </Title>
              {handsetFindings.map((finding) => (
                <FindingLine key={finding.id} finding={finding} />
              ))}
            </>
          )}
          {predicted.pendingAllocations.map((a) => (
            <Text key={a.entryId}>
              Queued: allocate {count(a.count, 'number', 'numbers')}
              {a.activate ? ' and activate' : ''} (the platform picks them when it syncs).
            </Text>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Numbers">
        <Title order={3} size="h4" mb="xs">
          The occupier's numbers
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Number</Table.Th>
              <Table.Th>Extension</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Role</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {numbers.map((n) => (
              <Table.Tr key={n.e164}>
                <Table.Td>{n.e164}</Table.Td>
                <Table.Td>{n.extension}</Table.Td>
                <Table.Td>
                  {n.state}
                  {predicted.pendingNumbers.has(n.e164) ? ' (queued)' : ''}
                </Table.Td>
                <Table.Td>
                  {n.isMain
                    ? 'Main number (inbound only)'
                    : n.state === 'ACTIVE'
                      ? 'Service number'
                      : 'Spare'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
