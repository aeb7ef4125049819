import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  buildStepContext,
  handsetName,
  ringTestPassed,
  type ServiceLine,
} from '../../../../shared/jobs';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { useConnectivity } from '../sync/connectivityStore';

function RingRow({
  view,
  line,
  readOnly,
}: {
  view: JobStepScreenProps['view'];
  line: ServiceLine;
  readOnly: boolean;
}) {
  const run = useOpenJob((state) => state.installation);
  const pending = useOpenJob((state) => state.pending);
  const [other, setOther] = useState<string | null>(null);
  const { e164 } = line.number;
  const attempt = view.state.installation.ringAttempts.findLast((a) => a.e164 === e164);
  const ports = view.state.snapshot.floorPorts;
  const label = (id: string | null) =>
    ports.find((p) => p.id === id)?.label ?? 'no known floor port';
  const handsetId = line.handset?.id;
  // Where it should ring: what the last attempt expected, else where the platform last saw
  // the handset register, else where the switch saw it cabled, else the platform's record.
  const expectedFloorPortId =
    attempt?.expectedFloorPortId ??
    (handsetId
      ? (view.state.installation.registrations[handsetId]?.floorPortId ??
        view.state.installation.switchFacts.cabling[handsetId]?.observedFloorPortId ??
        line.handset?.floorPortId ??
        null)
      : null);
  // The platform rings the number while the engineer listens: not queued for later.
  const offline = useConnectivity(
    (state) =>
      state.connectivity !== null &&
      (state.connectivity.workOffline ||
        (!state.connectivity.reachable && state.connectivity.checkedAt !== null)),
  );
  const ringKey = jobActionKey.installation(`ring:${e164}`);
  const confirmKey = jobActionKey.installation(`confirm:${e164}`);
  const confirm = (rang: 'expectedDesk' | 'anotherDesk' | 'nothing', floorPortId: string | null) =>
    attempt &&
    void run(confirmKey, 'installation:confirmRing', {
      attemptId: attempt.attemptId,
      rang,
      rangFloorPortId: floorPortId,
    });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Ring test ${e164}`}>
      <Title order={3} size="h4">
        {e164}
      </Title>
      <Text>
        {line.handset
          ? `Should ring: ${handsetName(line.handset, line.model)} at ${label(expectedFloorPortId)}`
          : 'No handset is logged in with this number yet (Handset login).'}
      </Text>
      {attempt?.testCall && (
        <Text>
          Platform:{' '}
          {attempt.testCall.rang.length > 0
            ? `ringing ${attempt.testCall.rang.map((h) => `${h.mac} at ${h.floorPortLabel ?? 'an unknown port'}`).join(', ')}`
            : attempt.testCall.detail}
        </Text>
      )}
      {attempt?.confirmation && (
        <Text>
          You said:{' '}
          {attempt.confirmation.rang === 'expectedDesk'
            ? ringTestPassed(attempt)
              ? 'this desk rang ✓'
              : 'this desk rang, but the platform does not confirm it was this call ✗'
            : attempt.confirmation.rang === 'nothing'
              ? 'nothing rang'
              : `${label(attempt.confirmation.rangFloorPortId)} rang`}
        </Text>
      )}
      {!readOnly && (
        <Stack gap="xs" mt="xs">
          <Button
            size="lg"
            loading={pending[ringKey] === true}
            disabled={offline}
            onClick={() => void run(ringKey, 'installation:ringIt', { e164 })}
          >
            Ring {e164}
          </Button>
          {offline && (
            <Text>
              The platform places the test call while you listen at the desk, and it cannot be
              reached now: ring {e164} once it is back.
            </Text>
          )}
          {attempt?.testCall && !attempt.confirmation && (
            <Group align="end">
              {/* The platform says nothing rang: a desk that did was not this call. */}
              {attempt.testCall.rang.length > 0 && (
                <Button
                  color="teal"
                  loading={pending[confirmKey] === true}
                  onClick={() => confirm('expectedDesk', null)}
                >
                  This desk rang
                </Button>
              )}
              <Select
                label={`Which desk rang instead (${e164})`}
                data={ports.map((p) => ({ value: p.id, label: p.label }))}
                value={other}
                onChange={setOther}
                searchable
              />
              <Button
                color="orange"
                disabled={other === null}
                onClick={() => confirm('anotherDesk', other)}
              >
                Another desk rang
              </Button>
              <Button variant="light" color="gray" onClick={() => confirm('nothing', null)}>
                Nothing rang
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Ring test: the platform calls each logged-in number; the engineer says which desk rang. */
export function RingTestStep({ view, readOnly }: JobStepScreenProps) {
  const ctx = useMemo(() => buildStepContext(view.state), [view.state]);
  return (
    <Stack gap="md">
      {ctx.lines.map((line) => (
        <RingRow key={line.number.e164} view={view} line={line} readOnly={readOnly} />
      ))}
    </Stack>
  );
}
