import type { AllocationPlan, NumberClassification, NumberFinding } from '../../shared/numbers';
import { describeFix } from '../../shared/numbers/describe-fix';

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function formatPlan(region: string, quantity: number, plan: AllocationPlan): string {
  return `${formatColumns([
    ['Region', region],
    ['Quantity', String(quantity)],
    ['Automatic', yesNo(plan.automatic)],
    ['Allocate', String(plan.allocate)],
    ['Activate', String(plan.activate)],
    ['Main number', yesNo(plan.mainNumber)],
    ['Spare', String(plan.spare)],
  ])}\n\n${plan.reason}`;
}

export function formatClassifications(results: readonly NumberClassification[]): string {
  return formatColumns([
    ['INPUT', 'E.164', 'COUNTRY', 'TYPE', 'ALLOWED', 'REASON'],
    ...results.map((r) => [
      r.input,
      r.e164 ?? '-',
      r.country ?? '-',
      r.type,
      yesNo(r.allowed),
      r.reason,
    ]),
  ]);
}

export function formatFindings(heading: string, findings: readonly NumberFinding[]): string {
  const tally = (severity: NumberFinding['severity']) =>
    findings.filter((f) => f.severity === severity).length;
  const lines = [
    `${heading}: ${tally('error')} errors, ${tally('warning')} warnings, ${tally('info')} info`,
    '',
  ];
  for (const finding of findings) {
    lines.push(
      formatColumns([
        [
          finding.severity.toUpperCase().padEnd(7),
          finding.id,
          finding.fix ? `fix: ${describeFix(finding.fix)}` : '',
        ],
      ]),
    );
    lines.push(`         ${finding.message}`);
  }
  return lines.join('\n');
}
