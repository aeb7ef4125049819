import type { Command } from 'commander';
import { SwitchVendor } from '../../shared/platform/schemas';
import { resolveShowCommand, supportedCommands } from '../switch/parsers';
import { EXIT, UsageError, type CliIo } from './io';

interface ParseOptions {
  vendor: string;
  command: string;
  json: boolean;
}

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError('pipe the switch output in, e.g. `dialtone switch parse … < output.txt`');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(',');
  return String(value).replace(/\s*\n\s*/g, ' ');
}

/** Records as left-aligned columns, with the fields the command's table names. */
export function formatRecordTable(records: readonly object[], columns: readonly string[]): string {
  const rows = [
    columns.map((column) => column.toUpperCase()),
    ...records.map((record) =>
      columns.map((column) => cellText((record as Record<string, unknown>)[column])),
    ),
  ];
  // A loop, not Math.max(...rows): a 20 MB paste has more rows than a call can take as arguments.
  const widths = columns.map(() => 0);
  for (const row of rows)
    for (const [index, cell] of row.entries())
      widths[index] = Math.max(widths[index]!, cell.length);
  return rows
    .map((row) =>
      row
        .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerSwitchParseCommand(
  switchCommand: Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  switchCommand
    .command('parse')
    .description(
      'parse pasted show-command output (on stdin) into records; field names in main/switch/parsers/FIELDS.md',
    )
    .requiredOption('--vendor <vendor>', 'cisco_ios or aruba_aoss')
    .requiredOption(
      '--command <command>',
      'the show command the output came from, e.g. "show interfaces status"',
    )
    .option('--json', 'print the records as a JSON array', false)
    .action(async (options: ParseOptions) => {
      const vendor = SwitchVendor.safeParse(options.vendor);
      if (!vendor.success) {
        throw new UsageError(
          `--vendor must be cisco_ios or aruba_aoss, not ${JSON.stringify(options.vendor)}`,
        );
      }
      const resolution = resolveShowCommand(vendor.data, options.command);
      if (!resolution.ok) {
        throw new UsageError(
          `${resolution.message}\nsupported for ${vendor.data}:\n  ${supportedCommands(vendor.data).join('\n  ')}`,
        );
      }
      const { command, argument } = resolution.resolved;
      const input = await readStandardInput();
      // Whatever the command, nothing in is the same answer: there is nothing to parse.
      if (input.trim() === '')
        throw new UsageError(
          `stdin was empty: pipe the output of "${command.usage}" in, e.g. \`dialtone switch parse … < output.txt\``,
        );
      const result = command.parse(input, argument);
      if (!result.ok) {
        const where = result.error.line === undefined ? '' : ` (line ${result.error.line})`;
        throw new UsageError(
          `cannot parse the ${command.usage} output${where}: ${result.error.message}`,
        );
      }
      for (const warning of result.warnings) io.err(`warning: ${warning}`);
      io.out(
        options.json
          ? JSON.stringify(result.records, null, 2)
          : formatRecordTable(result.records, command.tableColumns),
      );
      setExit(EXIT.ok);
    });
}
