import type { Command } from 'commander';
import type { CliIo } from './io';

/**
 * `dialtone bundle …`: support bundles. The heavy parts (zip, services, simulators) load
 * only when a bundle command runs, so other commands start as fast without them.
 */
export function registerBundleCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const bundle = program
    .command('bundle')
    .description('support bundles: export a job, inspect a bundle, replay it');
  bundle
    .command('export')
    .description('packs one job into a support bundle (secrets always taken out)')
    .requiredOption('--job <id>', 'the job to export')
    .requiredOption('--out <file>', 'where to write the bundle (.zip)')
    .option('--anonymise', 'replace occupier names, contact names and phone numbers with stand-ins')
    .option('--data-dir <dir>', 'the data folder (default: DIALTONE_DATA_DIR, else ~/.dialtone)')
    .action(
      async (options: { job: string; out: string; anonymise?: boolean; dataDir?: string }) => {
        const { exportCommand } = await import('./bundle-actions');
        setExit(await exportCommand(io, options));
      },
    );
  bundle
    .command('inspect')
    .description('checks a bundle and says what is in it')
    .argument('<file>', 'the bundle')
    .option('--json', 'print the manifest, timeline and findings as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { inspectCommand } = await import('./bundle-actions');
      setExit(await inspectCommand(io, file, options));
    });
  bundle
    .command('replay')
    .description(
      'replays a bundle on simulators built from it: exit 0 reproduced, 1 diverged, 2 bad input',
    )
    .argument('<file>', 'the bundle')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { replayCommand } = await import('./bundle-actions');
      setExit(await replayCommand(io, file, options));
    });
}
