import { Anchor, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { memo, useCallback, useMemo, useState } from 'react';
import {
  isNumbersFinding,
  mutationsOfFix,
  predictSnapshot,
  predictWith,
  waitsForAllocation,
  type PendingAllocation,
  type JobState,
  type PlatformMutation,
} from '../../../../shared/jobs';
import {
  checkNumbers,
  describeFix,
  type FixAction,
  type NumberFinding,
} from '../../../../shared/numbers';
import { count } from '../../../../shared/wording';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { segmentForStep } from '../jobs/stepSegments';
import { FindingLine } from './FindingLine';
import { NumberTable } from './NumberTable';

/**
 * Handset login's findings listed here before "Show all": a new occupier's thousand numbers
 * are a thousand of them, each one line, and they are fixed on that step, not this one.
 */
export const HANDSET_FINDINGS_SHOWN = 10;

/** A finding's fix as a button; it waits only for its own action (a click re-renders it alone). */
function FixButton({
  finding,
  fix,
  onFix,
}: {
  finding: NumberFinding;
  fix: FixAction;
  onFix: (findingId: string, fix: FixAction) => void;
}) {
  const pending = useOpenJob(
    (state) => state.pending[jobActionKey.installation(`fix:${finding.id}`)] === true,
  );
  return (
    <Button
      size="sm"
      h="auto"
      py={6}
      maw={280}
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      loading={pending}
      onClick={() => onFix(finding.id, fix)}
    >
      Fix: {describeFix(fix)}
    </Button>
  );
}

/** The changes a fix queues, as main will queue them; none when main will refuse it. */
function changesOf(state: JobState, fixes: readonly FixAction[]): PlatformMutation[] {
  return fixes.flatMap((fix) => {
    try {
      return mutationsOfFix(state, fix);
    } catch {
      return [];
    }
  });
}

function AddVoiceServices() {
  const run = useOpenJob((state) => state.installation);
  const addKey = jobActionKey.installation('addVoiceService');
  const pending = useOpenJob((state) => state.pending[addKey] === true);
  const [quantity, setQuantity] = useState<number | string>(3);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Voice services">
      <Title order={3} size="h4">
        Voice services
      </Title>
      <Text mb="xs">This occupier has no voice service yet: add the quantity the job covers.</Text>
      <Group align="end">
        <NumberInput
          label="Voice services (quantity)"
          min={1}
          max={1000}
          value={quantity}
          onChange={setQuantity}
        />
        <Button
          loading={pending}
          onClick={() =>
            void run(addKey, 'installation:addVoiceService', { quantity: Number(quantity) })
          }
        >
          Add voice services
        </Button>
      </Group>
    </Paper>
  );
}

/** What a waiting allocation will bring, in the engineer's words. */
function pendingAllocationWords(a: PendingAllocation): string {
  const numbers = count(a.count, 'number', 'numbers');
  if (a.automatic) {
    const { activate, mainNumber } = a.automatic;
    const spare = a.count - activate - (mainNumber ? 1 : 0);
    const parts = [
      `${activate} activated`,
      ...(mainNumber ? ['1 the main number'] : []),
      ...(spare > 0 ? [`${spare} spare`] : []),
    ];
    return a.applied
      ? `The platform has allocated ${numbers} for the voice services (${parts.join(', ')}); they show here once it sends them.`
      : `Queued with the voice services: the platform allocates ${numbers} by itself when they arrive (${parts.join(', ')}). The counts are checked again then.`;
  }
  if (a.main)
    return a.applied
      ? 'The platform has allocated the main number; it shows here once it sends it.'
      : 'Queued: allocate a main number from the pool (the platform picks it when it syncs; it is nominated as main and activated).';
  return a.applied
    ? `The platform has allocated ${numbers}${a.activate ? ' and activated them' : ''}; they show here once it sends them.`
    : `Queued: allocate ${numbers}${a.activate ? ' and activate' : ''} (the platform picks them when it syncs).`;
}

/** Numbers on no handset: the first few, and the rest on "Show all". */
const HandsetFindings = memo(function HandsetFindings({
  jobId,
  findings,
}: {
  jobId: string;
  findings: readonly NumberFinding[];
}) {
  const [all, setAll] = useState(false);
  if (findings.length === 0) return null;
  const shown = all ? findings : findings.slice(0, HANDSET_FINDINGS_SHOWN);
  const hidden = findings.length - shown.length;
  return (
    <>
      <Title order={4} size="h5" mt="xs">
        For the{' '}
        <Anchor
          renderRoot={(props) => (
            <Link
              to="/jobs/$jobId/$step"
              params={{ jobId, step: segmentForStep('handsetLogin') }}
              {...props}
            />
          )}
        >
          Handset login
        </Anchor>{' '}
        step: {count(findings.length, 'number needs', 'numbers need')} a handset
      </Title>
      {shown.map((finding) => (
        <FindingLine key={finding.id} finding={finding} />
      ))}
      {hidden > 0 && (
        <Group>
          <Button variant="outline" onClick={() => setAll(true)}>
            Show all {findings.length.toLocaleString('en-GB')} numbers that need a handset
          </Button>
        </Group>
      )}
    </>
  );
});

/** The Numbers step: the platform's numbers (with queued changes) and every finding with its fix. */
export function NumbersStep({ view, readOnly }: JobStepScreenProps) {
  const { state } = view;
  const run = useOpenJob((s) => s.installation);
  // Fixes sent to main and not answered yet: their effect shows at once (the same changes
  // main queues in the outbox), and main's answer replaces it; a refusal takes it back.
  const [sending, setSending] = useState<readonly FixAction[]>([]);
  const queued = useMemo(() => predictSnapshot(state), [state]);
  const predicted = useMemo(
    () => predictWith(queued, changesOf(state, sending)),
    [queued, state, sending],
  );
  const fix = useCallback(
    (findingId: string, action: FixAction) => {
      setSending((current) => [...current, action]);
      void run(jobActionKey.installation(`fix:${findingId}`), 'installation:fixFinding', {
        findingId,
      }).finally(() => setSending((current) => current.filter((f) => f !== action)));
    },
    [run],
  );
  const { findings, handsetFindings, numbers, services } = useMemo(() => {
    const all = checkNumbers(predicted.snapshot, state.occupierId, { stage: 'signoff' });
    const { snapshot } = predicted;
    return {
      // A number on no handset is Handset login's to fix: listed here apart, fixed there.
      // Counts are judged again once a waiting allocation is made: no fix offered twice.
      findings: all.filter((f) => isNumbersFinding(f.id) && !waitsForAllocation(predicted, f.id)),
      handsetFindings: all.filter((f) => !isNumbersFinding(f.id)),
      numbers: snapshot.numbers.filter((n) => n.occupierId === state.occupierId),
      services: snapshot.voiceServices.filter((s) => s.occupierId === state.occupierId),
    };
  }, [predicted, state.occupierId]);
  return (
    <Stack gap="lg">
      {services.length === 0 && !readOnly && <AddVoiceServices />}
      <Paper withBorder p="md" radius="md" component="section" aria-label="Findings">
        <Title order={3} size="h4" mb="xs">
          Findings
        </Title>
        <Stack gap="sm">
          {findings.map((finding) => (
            <FindingLine
              key={finding.id}
              finding={finding}
              action={
                finding.fix &&
                !readOnly && <FixButton finding={finding} fix={finding.fix} onFix={fix} />
              }
            />
          ))}
          <HandsetFindings jobId={state.jobId} findings={handsetFindings} />
          {predicted.pendingAllocations.map((a) => (
            <Text key={a.entryId}>{pendingAllocationWords(a)}</Text>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-label="The occupier's numbers">
        <Title order={3} size="h4" mb="xs">
          The occupier's numbers
        </Title>
        <NumberTable numbers={numbers} queued={predicted.pendingNumbers} />
      </Paper>
    </Stack>
  );
}
