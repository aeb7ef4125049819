import { join } from 'node:path';
import type { KeyValueStore } from '../jobs';
import type { TokenCipher } from '../platform/settings';
import {
  createCredentialVault,
  createSwitchService,
  type SwitchService,
  type SwitchUpdate,
} from '../switch/service';
import { createJobSwitch, type JobSwitch, SWITCH_ACTOR } from '../switch/service/job-switch';
import { createTranscriptFiles, type TranscriptFiles } from '../switch/service/transcript-files';
import { fileHostKeyStore } from '../switch/transports';
import type { JobServices } from './job-services';
import type { DemoEquipment } from './demo-equipment';

export interface SwitchComposition {
  service: SwitchService;
  jobSwitch: JobSwitch;
  transcripts: TranscriptFiles;
  demo: DemoEquipment | null;
  close(): Promise<void>;
}

/**
 * The switch service, composed: logins in main (encrypted by the cipher when there is one),
 * SSH host keys pinned per switch in the data folder, the demo's in-process switches,
 * transcripts saved into the job, and the job-level switch work.
 */
export function createSwitchComposition(options: {
  dataDirectory: string;
  store: KeyValueStore;
  cipher?: TokenCipher;
  demo: DemoEquipment | null;
  jobs: JobServices;
  onChanged(jobId: string): void;
  onUpdates(key: { jobId: string; switchId: string }, updates: SwitchUpdate[]): void;
  log?: (line: string) => void;
}): SwitchComposition {
  const transcripts = createTranscriptFiles(join(options.dataDirectory, 'jobs'));
  const jobs = options.jobs.jobs;
  const service = createSwitchService({
    credentials: createCredentialVault({
      store: options.store,
      ...(options.cipher ? { cipher: options.cipher } : {}),
    }),
    // Pinned on first use per switch, kept with the data so a restart keeps them.
    hostKeys: fileHostKeyStore(join(options.dataDirectory, 'switch-host-keys.json')),
    ...(options.demo
      ? {
          openDemoConsole: (switchId: string) =>
            options.demo!.live.switchOf(switchId).openConsole({ baud: null, channel: 'console' }),
        }
      : {}),
    async saveTranscript(transcript) {
      try {
        const file = await transcripts.write(transcript);
        await jobs.record(transcript.jobId, [
          {
            id: `transcript:${transcript.switchId}:${transcript.startedAt}`,
            actor: SWITCH_ACTOR,
            type: 'SwitchTranscriptSaved',
            payload: {
              switchId: transcript.switchId,
              hostname: transcript.hostname,
              file,
              startedAt: transcript.startedAt,
              endedAt: transcript.endedAt,
              reason: transcript.reason,
              bytes: transcript.bytes,
            },
          },
        ]);
        options.onChanged(transcript.jobId);
      } catch (error) {
        options.log?.(`could not save the transcript of ${transcript.switchId}: ${String(error)}`);
      }
    },
  });
  const jobSwitch = createJobSwitch({
    switches: service,
    jobs: {
      state: (jobId) => jobs.state(jobId),
      events: (jobId) => jobs.events(jobId),
      recordUnlessArchived: (jobId, drafts) => jobs.recordUnlessArchived(jobId, drafts),
      setFloorPortRole: (jobId, change) => jobs.setFloorPortRole(jobId, change),
    },
    onChanged: options.onChanged,
    onUpdates: options.onUpdates,
  });
  // An archived job takes no more facts: its open sessions end (each transcript is still saved).
  const stopOnArchive = jobs.onChanged((jobId, records) => {
    if (!records.some((r) => r.type === 'JobArchived')) return;
    for (const session of service.sessions(jobId))
      void service.disconnect({ jobId, switchId: session.switchId }).catch((error: unknown) => {
        options.log?.(
          `could not end ${session.switchId} of archived job ${jobId}: ${String(error)}`,
        );
      });
  });
  return {
    service,
    jobSwitch,
    transcripts,
    demo: options.demo,
    close: () => {
      stopOnArchive();
      return service.close();
    },
  };
}
