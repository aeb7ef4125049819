import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { LoadableView } from '../../common/LoadableView';
import { useSwitch } from '../switch/switchStore';
import { useConsole } from './consoleStore';

// xterm.js is most of a console's weight: loaded when a console opens, not with the first screen.
const XtermView = lazy(() => import('./XtermView').then((m) => ({ default: m.XtermView })));

/** `jobs/$jobId/console`: the live console of a connected switch, and the job's saved transcripts. */
export function ConsoleScreen() {
  const { jobId } = useParams({ from: '/jobs/$jobId/console' });
  const openSwitches = useSwitch((s) => s.open);
  const overview = useSwitch((s) => s.overview);
  const open = useConsole((s) => s.open);
  const text = useConsole((s) => s.text);
  const controller = useConsole((s) => s.controller);
  const takeControl = useConsole((s) => s.takeControl);
  const releaseControl = useConsole((s) => s.releaseControl);
  const type = useConsole((s) => s.type);
  const error = useConsole((s) => s.error);
  const transcripts = useConsole((s) => s.transcripts);
  const loadTranscripts = useConsole((s) => s.loadTranscripts);
  const readTranscript = useConsole((s) => s.readTranscript);
  const opened = useConsole((s) => s.opened);
  const [switchId, setSwitchId] = useState<string | null>(null);

  useEffect(() => {
    void openSwitches(jobId);
    void loadTranscripts(jobId);
  }, [jobId, openSwitches, loadTranscripts]);

  const connected =
    overview.status === 'ready' ? overview.value.switches.filter((s) => s.session !== null) : [];
  const current = switchId ?? connected[0]?.switchId ?? null;
  useEffect(() => {
    void open(jobId, current);
  }, [jobId, current, open]);

  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        Console
      </Title>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Live console">
        {connected.length === 0 ? (
          <Alert color="yellow">
            No switch is connected in this job. Connect on the Switch page.
          </Alert>
        ) : (
          <Stack gap="sm">
            <Group>
              <Select
                label="Switch"
                data={connected.map((s) => ({ value: s.switchId, label: s.hostname }))}
                value={current}
                onChange={setSwitchId}
                allowDeselect={false}
                w={200}
              />
              {controller ? (
                <>
                  <Badge color="dark" variant="filled">
                    ⌨{' '}
                    {controller === 'engineer'
                      ? 'You hold the keyboard'
                      : `${controller} holds the keyboard`}
                  </Badge>
                  <Button size="xs" variant="default" onClick={() => void releaseControl()}>
                    Give control back to Dialtone
                  </Button>
                </>
              ) : (
                <>
                  <Badge color="gray" variant="outline">
                    👁 Read-only: Dialtone drives the line
                  </Badge>
                  <Button size="xs" color="orange" onClick={() => void takeControl()}>
                    Take control
                  </Button>
                </>
              )}
            </Group>
            <Text size="xs" c="gray.7">
              What you type while holding the keyboard is journaled as yours; passwords are masked.
            </Text>
            <LoadableView
              value={text}
              loadingLabel="Opening the console"
              failedTitle="Could not open the console"
              onRetry={() => void open(jobId, current)}
            >
              {(shown) => (
                <Suspense fallback={<Text size="sm">Loading the terminal…</Text>}>
                  <XtermView
                    text={shown}
                    label={`Console of ${connected.find((s) => s.switchId === current)?.hostname ?? ''}`}
                    onData={controller ? (data) => void type(data) : null}
                  />
                </Suspense>
              )}
            </LoadableView>
            {error && <Alert color="red">{error}</Alert>}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-label="Saved transcripts">
        <Title order={3} size="h4" mb="sm">
          Saved transcripts of this job
        </Title>
        <LoadableView
          value={transcripts}
          loadingLabel="Loading the transcripts"
          failedTitle="Could not list the transcripts"
          onRetry={() => void loadTranscripts(jobId)}
        >
          {(list) =>
            list.length === 0 ? (
              <Text size="sm" c="gray.7">
                None yet: a transcript is saved when a session ends (disconnect, idle, or quitting).
              </Text>
            ) : (
              <Table aria-label="Transcripts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Switch</Table.Th>
                    <Table.Th>Started</Table.Th>
                    <Table.Th>Ended</Table.Th>
                    <Table.Th>Open</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((t) => (
                    <Table.Tr key={t.file}>
                      <Table.Td>{t.hostname}</Table.Td>
                      <Table.Td>{new Date(t.startedAt).toLocaleString()}</Table.Td>
                      <Table.Td>
                        {new Date(t.endedAt).toLocaleTimeString()} ({t.reason})
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="default"
                          onClick={() => void readTranscript(jobId, t.file)}
                        >
                          Show {t.hostname} {new Date(t.startedAt).toLocaleTimeString()}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </LoadableView>
        {opened && (
          <LoadableView
            value={opened.text}
            loadingLabel="Reading the transcript"
            failedTitle="Could not read the transcript"
            onRetry={() => void readTranscript(jobId, opened.file)}
          >
            {(body) => (
              <Code
                block
                mt="sm"
                aria-label={`Transcript ${opened.file}`}
                style={{ maxHeight: 400, overflow: 'auto' }}
              >
                {body}
              </Code>
            )}
          </LoadableView>
        )}
      </Paper>
    </Stack>
  );
}
