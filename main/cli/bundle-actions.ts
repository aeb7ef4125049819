import { resolve } from 'node:path';
import { bundleTimeline } from '../../shared/bundles';
import { bundleSourcesFor } from '../app/bundle-sources';
import { replayEquipment } from '../app/replay-equipment';
import { exportBundle, openBundleFile, replayBundle, type OpenedBundle } from '../bundles';
import { defaultDataDirectory } from '../app/data-directory';
import { EXIT, type CliIo } from './io';
import { count } from '../../shared/wording';

/** The switch login the CLI's switch commands use, so an export takes it out too. */
function cliSecrets(): string[] {
  return [process.env['DIALTONE_SWITCH_PASSWORD'], process.env['DIALTONE_SWITCH_ENABLE']].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
}

export async function exportCommand(
  io: CliIo,
  options: { job: string; out: string; anonymise?: boolean; dataDir?: string },
): Promise<number> {
  const dataDirectory = options.dataDir ?? defaultDataDirectory();
  const out = resolve(options.out);
  const { manifest, archive } = await exportBundle(
    bundleSourcesFor(dataDirectory, cliSecrets),
    options.job,
    out,
    {
      anonymise: options.anonymise === true,
    },
  );
  io.out(
    `Wrote ${out} (${archive.length} bytes): job ${manifest.job.jobId}, ${manifest.job.eventCount} journal records, ${manifest.members.length} members${manifest.anonymised ? ', anonymised' : ''}.`,
  );
  for (const note of manifest.notes) io.out(`Note: ${note}`);
  return EXIT.ok;
}

function counts(bundle: OpenedBundle) {
  return {
    journalRecords: bundle.journal.length,
    snapshots: bundle.snapshots.length,
    transcripts: bundle.transcripts.length,
    switches: bundle.switches.length,
    switchOperations: bundle.switches.reduce((n, s) => n + s.record.operations.length, 0),
    logLines: bundle.logs.length,
    findings: bundle.findings?.findings?.length ?? 0,
    report: bundle.report !== null,
  };
}

export async function inspectCommand(
  io: CliIo,
  file: string,
  options: { json?: boolean },
): Promise<number> {
  const bundle = await openBundleFile(resolve(file));
  const timeline = bundleTimeline(
    bundle.journal,
    bundle.switches.map((s) => s.record),
    bundle.transcripts.map((t) => t.transcript),
  );
  // Actors are engineers' names as well as `sync`: the column is as wide as the longest.
  const actorWidth = Math.max(8, ...timeline.map((entry) => entry.actor.length));
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          manifest: bundle.manifest,
          migratedFrom: bundle.migratedFrom,
          counts: counts(bundle),
          timeline,
          findings: bundle.findings,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const { manifest } = bundle;
  const c = counts(bundle);
  io.out(
    [
      `Support bundle, format version ${manifest.formatVersion}${bundle.migratedFrom ? ` (migrated from version ${bundle.migratedFrom})` : ''}: every member's checksum matches.`,
      `Job ${manifest.job.jobId}: ${manifest.job.occupierName} at ${manifest.job.siteName}, started ${manifest.job.createdAt}${manifest.job.archived ? ', archived' : ''}.`,
      `Made ${manifest.createdAt} by Dialtone ${manifest.appVersion} on ${manifest.host.os} ${manifest.host.release} (${manifest.host.arch})${manifest.anonymised ? '; anonymised' : ''}.`,
      `${count(c.journalRecords, 'journal record', 'journal records')}, ${count(c.snapshots, 'snapshot', 'snapshots')}, ${count(c.switches, 'switch', 'switches')} (${count(c.switchOperations, 'operation', 'operations')}), ${count(c.transcripts, 'transcript', 'transcripts')}, ${count(c.findings, 'finding', 'findings')}, ${count(c.logLines, 'log line', 'log lines')}${c.report ? ', a report' : ''}.`,
      ...manifest.notes.map((note) => `Note: ${note}`),
      '',
      'Timeline:',
      ...timeline.map(
        (entry) =>
          `  ${entry.at}  ${entry.ref.padEnd(6)} ${entry.actor.padEnd(actorWidth)} ${entry.title}`,
      ),
    ].join('\n'),
  );
  return EXIT.ok;
}

export async function replayCommand(
  io: CliIo,
  file: string,
  options: { json?: boolean },
): Promise<number> {
  const bundle = await openBundleFile(resolve(file));
  const result = await replayBundle(bundle, replayEquipment());
  if (options.json) io.out(JSON.stringify(result, null, 2));
  else if (result.outcome === 'reproduced')
    io.out(
      `Reproduced: ${result.stepsCompared} recorded steps did the same again (${result.durationMs} ms).${result.notes.map((n) => `\nNote: ${n}`).join('')}`,
    );
  else {
    const d = result.divergence!;
    io.out(
      `Diverged at ${d.step} (${d.at}):\n  recorded: ${d.recorded}\n  now:      ${d.now}${result.notes.map((n) => `\nNote: ${n}`).join('')}`,
    );
  }
  return result.outcome === 'reproduced' ? EXIT.ok : EXIT.failed;
}
