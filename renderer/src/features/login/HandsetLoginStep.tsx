import {
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import {
  buildStepContext,
  loginTimeline,
  type LoginStage,
  type ServiceLine,
} from '../../../../shared/jobs';
import { makerOfMac, normalizeMac } from '../../../../shared/platform/mac';
import { useAppInfo } from '../../app/appInfoStore';
import { Pager, usePage } from '../../common/paging';
import { jobActionKey, useOpenJob } from '../jobs/openJobStore';
import type { JobStepScreenProps } from '../jobs/stepScreens';
import { useConnectivity } from '../sync/connectivityStore';

/**
 * Numbers on one page of the step. Each row is a handset choice, a MAC field and a four-stage
 * timeline: 990 of them took a minute to draw (bench/numbers-step.ts (c)), and an engineer
 * logs in one desk at a time; the step's status above counts them all.
 */
export const LOGINS_PER_PAGE = 20;

const STAGE_MARK: Record<LoginStage['state'], string> = {
  done: '✓',
  now: '…',
  failed: '✗',
  todo: '○',
};
/** Said to a screen reader after the stage's title, for what the mark shows. */
const STAGE_WORD: Record<LoginStage['state'], string> = {
  done: 'done',
  now: 'now',
  failed: 'failed',
  todo: 'not yet',
};

/** assigned → login asked → provisioning → registered, each with its words and time. */
function LoginTimeline({ e164, stages }: { e164: string; stages: LoginStage[] }) {
  return (
    <SimpleGrid
      component="ol"
      aria-label={`Login of ${e164}, stage by stage`}
      cols={{ base: 2, sm: 4 }}
      spacing="md"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {stages.map((stage) => (
        <Stack
          key={stage.id}
          component="li"
          gap={0}
          aria-current={stage.state === 'now' ? 'step' : undefined}
        >
          <Text
            fw={stage.state === 'now' || stage.state === 'failed' ? 700 : 500}
            c={stage.state === 'failed' ? 'red.8' : undefined}
          >
            <span aria-hidden="true">{STAGE_MARK[stage.state]} </span>
            {stage.title}
            <VisuallyHidden>, {STAGE_WORD[stage.state]}</VisuallyHidden>
          </Text>
          <Text size="sm">
            {stage.words}
            {stage.at ? ` · ${new Date(stage.at).toLocaleTimeString()}` : ''}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

function LoginRow({
  line,
  stages,
  handsets,
  readOnly,
}: {
  line: ServiceLine;
  stages: LoginStage[];
  handsets: { value: string; label: string }[];
  readOnly: boolean;
}) {
  const run = useOpenJob((state) => state.installation);
  const pending = useOpenJob((state) => state.pending);
  const demoKeypadLogin = useOpenJob((state) => state.demoKeypadLogin);
  const demo = useAppInfo((state) => state.info?.connection.kind === 'demo');
  const [typed, setTyped] = useState('');
  const { e164, extension, defaultPin } = line.number;
  const mac = typed.trim() === '' ? null : normalizeMac(typed);
  const assignKey = jobActionKey.installation(`assign:${e164}`);
  const loginKey = jobActionKey.installation(`login:${e164}`);
  // Asked already (waiting, refused or timed out): logging in again is the retry, not the next step.
  const asked = stages.find((s) => s.id === 'asked')?.state === 'done';
  // The login is on the platform: whether it registered can be read there now.
  const checkable = stages.find((s) => s.id === 'provisioning')?.state === 'done';
  const checkKey = jobActionKey.installation(`check:${e164}`);
  // Only the platform knows whether a handset registered: offline, nothing can be read.
  const offline = useConnectivity(
    (state) =>
      state.connectivity !== null &&
      (state.connectivity.workOffline ||
        (!state.connectivity.reachable && state.connectivity.checkedAt !== null)),
  );
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={`Number ${e164}`}>
      <Title order={3} size="h4">
        {e164} · extension {extension}
      </Title>
      <Text>
        Handset:{' '}
        {line.handset
          ? `${line.model ? `${line.model.vendor} ${line.model.name}` : line.handset.modelId} ${line.handset.mac} — login ${line.model?.loginMethod === 'manual' ? 'on the keypad' : 'remote'}`
          : 'none chosen'}
        {line.registered ? ' · Registered ✓' : ''}
      </Text>
      <LoginTimeline e164={e164} stages={stages} />
      {!readOnly && !line.registered && (
        <Stack gap="xs" mt="xs">
          <Group align="end">
            <Select
              label={`Handset for ${e164}`}
              placeholder="One of the occupier's handsets"
              data={handsets}
              value={line.handset?.id ?? null}
              onChange={(value) =>
                value && void run(assignKey, 'installation:assignHandset', { e164, handset: value })
              }
            />
            <TextInput
              label={`Or type its MAC (${e164})`}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              error={
                typed.trim() !== '' && mac === null
                  ? 'Not a MAC: 12 hex digits, e.g. 80:5e:c0:12:34:56'
                  : undefined
              }
              description={
                mac ? `${mac}${makerOfMac(mac) ? ` · ${makerOfMac(mac)}` : ''}` : undefined
              }
            />
            <Button
              variant="light"
              disabled={mac === null}
              loading={pending[assignKey] === true}
              onClick={() =>
                mac && void run(assignKey, 'installation:assignHandset', { e164, handset: mac })
              }
            >
              Use this MAC
            </Button>
          </Group>
          {asked && offline && (
            <Text fw={600}>
              The platform cannot be reached now, so whether the handset registered cannot be read:
              Dialtone asks the platform once it answers.
            </Text>
          )}
          {checkable && !offline && (
            <Button
              variant="outline"
              w="fit-content"
              loading={pending[checkKey] === true}
              onClick={() => void run(checkKey, 'installation:checkRegistration', { e164 })}
            >
              Check {e164} now
            </Button>
          )}
          {line.handset && line.model?.loginMethod === 'remote' && (
            <Button
              size="lg"
              variant={asked ? 'light' : 'filled'}
              loading={pending[loginKey] === true}
              onClick={() => void run(loginKey, 'installation:logIn', { e164 })}
            >
              Log in {e164}
              {asked ? ' again' : ''}
            </Button>
          )}
          {line.handset && line.model?.loginMethod === 'manual' && (
            <Stack gap="xs">
              <Text fw={700}>On the handset's keypad:</Text>
              <List type="ordered" size="xl">
                {line.model.keypadSteps.map((stepText, i) => (
                  <List.Item key={i}>
                    {stepText.replaceAll('{extension}', extension).replaceAll('{pin}', defaultPin)}
                  </List.Item>
                ))}
              </List>
              {demo && (
                <Button
                  variant="light"
                  w="fit-content"
                  loading={pending[jobActionKey.installation(`demoKeypad:${e164}`)] === true}
                  onClick={() => void demoKeypadLogin(e164)}
                >
                  Demo: type these on the simulated handset ({e164})
                </Button>
              )}
              <Button
                size="lg"
                loading={pending[loginKey] === true}
                onClick={() => void run(loginKey, 'installation:keypadDone', { e164 })}
              >
                Done on the handset ({e164})
              </Button>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/** Handset login: one row per activated service number (never the main number). */
export function HandsetLoginStep({ view, readOnly }: JobStepScreenProps) {
  const ctx = useMemo(() => buildStepContext(view.state), [view.state]);
  const handsets = ctx.predicted.snapshot.handsets
    .filter((h) => h.occupierId === view.state.occupierId)
    .map((h) => {
      const model = ctx.predicted.snapshot.handsetModels.find((m) => m.id === h.modelId);
      return {
        value: h.id,
        label: `${model ? `${model.vendor} ${model.name}` : h.modelId} ${h.mac}`,
      };
    });
  const page = usePage(ctx.lines, LOGINS_PER_PAGE);
  return (
    <Stack gap="md">
      {page.rows.map((line) => (
        <LoginRow
          key={line.number.e164}
          line={line}
          stages={loginTimeline(ctx, line)}
          handsets={handsets}
          readOnly={readOnly}
        />
      ))}
      <Pager noun="Numbers" total={ctx.lines.length} perPage={LOGINS_PER_PAGE} page={page} />
    </Stack>
  );
}
