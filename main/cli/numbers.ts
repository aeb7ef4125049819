import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CheckStage } from '../../shared/numbers';
// Not the shared/numbers index: `numbers classify` is called in loops, and these two files
// need only libphonenumber-js; plan and check load the rest (and zod) when they run.
import { classifyNumber } from '../../shared/numbers/classification';
import { isKnownRegion } from '../../shared/numbers/regions';
import type { SiteSnapshot } from '../../shared/platform/snapshot';
import { EXIT, UsageError, type CliIo } from './io';
import { formatClassifications, formatFindings, formatPlan } from './numbers-tables';

interface PlanOptions {
  region: string;
  quantity: string;
  autoMain: boolean;
  upgrade: boolean;
  manualNumbers: boolean;
  json: boolean;
}

interface ClassifyOptions {
  region: string;
  json: boolean;
}

interface CheckOptions {
  snapshot: string;
  occupier?: string;
  stage: string;
  json: boolean;
}

/** People type `gb`; the platform's codes are capitals. */
function parseRegion(value: string): string {
  const region = value.trim().toUpperCase();
  if (!isKnownRegion(region))
    throw new UsageError(
      `--region must be a two-letter ISO country code such as GB or US; ${JSON.stringify(value)} is not one`,
    );
  return region;
}

function parseQuantity(value: string): number {
  const quantity = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw new UsageError(
      `--quantity must be a whole number of 1 or more, not ${JSON.stringify(value)}`,
    );
  return quantity;
}

function parseStage(value: string): CheckStage {
  if (value !== 'install' && value !== 'signoff')
    throw new UsageError(`--stage must be "install" or "signoff", not ${JSON.stringify(value)}`);
  return value;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
};

async function readSnapshot(path: string): Promise<SiteSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = FILE_ERRORS[code] ?? (error as Error).message;
    throw new UsageError(`cannot read the snapshot file ${path} (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the snapshot file ${path} is not JSON: ${(error as Error).message}`);
  }
  const { SiteSnapshot } = await import('../../shared/platform/snapshot');
  const parsed = SiteSnapshot.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`)
      .join('; ');
    const more =
      parsed.error.issues.length > 5 ? ` (and ${parsed.error.issues.length - 5} more)` : '';
    throw new UsageError(
      `the snapshot file ${path} is not a valid site snapshot: ${issues}${more}`,
    );
  }
  return parsed.data;
}

export function registerNumbersCommand(
  program: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const numbers = program
    .command('numbers')
    .description('number rules and checks: allocation plans, number classification, site checks');

  numbers
    .command('plan')
    .description(
      'what the platform allocates and activates by itself when voice services are added',
    )
    .requiredOption('--region <code>', 'the site region, an ISO country code such as GB or US')
    .requiredOption('--quantity <n>', 'the voice service quantity (QTY) added')
    .option('--auto-main', 'the operator creates the main number automatically', false)
    .option('--upgrade', 'an additional service or a higher quantity, not a first add', false)
    .option(
      '--manual-numbers',
      'the occupier has ported or custom range numbers at the site',
      false,
    )
    .option('--json', 'print one JSON object', false)
    .action(async (options: PlanOptions) => {
      const region = parseRegion(options.region);
      const quantity = parseQuantity(options.quantity);
      const { planAllocation } = await import('../../shared/numbers');
      const plan = planAllocation({
        region,
        quantity,
        autoMainNumber: options.autoMain,
        upgrade: options.upgrade,
        hasManualNumbers: options.manualNumbers,
      });
      io.out(options.json ? JSON.stringify(plan, null, 2) : formatPlan(region, quantity, plan));
      setExit(EXIT.ok);
    });

  numbers
    .command('classify')
    .description(
      'classify numbers for a site region: valid, type, allowed and why (exit 1 if any is not allowed)',
    )
    .requiredOption('--region <code>', 'the site region, an ISO country code such as GB or US')
    .option('--json', 'print a JSON array, one object per number in order', false)
    .argument('<numbers...>', 'numbers in E.164 (+442079460123) or national form for the region')
    .action((inputs: string[], options: ClassifyOptions) => {
      const region = parseRegion(options.region);
      const results = inputs.map((input) => classifyNumber(input, region));
      io.out(options.json ? JSON.stringify(results, null, 2) : formatClassifications(results));
      setExit(results.every((result) => result.allowed) ? EXIT.ok : EXIT.failed);
    });

  numbers
    .command('check')
    .description("check one occupier's numbers in a site snapshot (exit 1 on any error finding)")
    .requiredOption('--snapshot <file>', 'a site snapshot JSON file')
    .option('--occupier <id>', "the occupier to check (default: the snapshot's occupier)")
    .option(
      '--stage <stage>',
      '"install" or "signoff" (handsets must be done at sign-off)',
      'install',
    )
    .option('--json', 'print the findings as a JSON array', false)
    .action(async (options: CheckOptions) => {
      const stage = parseStage(options.stage);
      const snapshot = await readSnapshot(options.snapshot);
      const occupierId = options.occupier ?? snapshot.occupierId;
      const { checkNumbers } = await import('../../shared/numbers');
      const findings = checkNumbers(snapshot, occupierId, { stage });
      const occupier = snapshot.occupiers.find((o) => o.id === occupierId);
      io.out(
        options.json
          ? JSON.stringify(findings, null, 2)
          : formatFindings(
              `Numbers of ${occupier?.name ?? occupierId} at ${snapshot.site.name} (stage ${stage})`,
              findings,
            ),
      );
      setExit(findings.some((f) => f.severity === 'error') ? EXIT.failed : EXIT.ok);
    });
}
