import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';

/** What fails the run; moderate and minor findings are listed, not failed. */
const BLOCKING = new Set(['critical', 'serious']);

export interface AxeReport {
  /** Critical and serious violations: each one fails the spec. */
  blocking: Result[];
  /** Moderate and minor ones, printed in the test output. */
  listed: Result[];
}

/** Where it is, and for contrast the colours axe measured, so the line says what to fix. */
function describeNode(node: Result['nodes'][number]): string {
  const where = node.target.join(' ');
  const data = node.any.find((check) => check.id === 'color-contrast')?.data as
    { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  return data?.fgColor
    ? `${where} [${data.fgColor} on ${data.bgColor}, ${data.contrastRatio}:1]`
    : where;
}

function describe(violation: Result): string {
  const nodes = violation.nodes.slice(0, 4).map(describeNode).join(' | ');
  return `${violation.impact ?? 'unknown'} ${violation.id} (${violation.nodes.length}): ${violation.help} — ${nodes}`;
}

export function classify(results: AxeResults): AxeReport {
  return {
    blocking: results.violations.filter((v) => BLOCKING.has(v.impact ?? '')),
    listed: results.violations.filter((v) => !BLOCKING.has(v.impact ?? '')),
  };
}

/**
 * Runs axe (default rules: WCAG 2 A/AA and best practices) on the page as it is now, prints
 * every finding under `label`, attaches the full results, and returns them sorted by impact.
 */
export async function checkAccessibility(
  page: Page,
  label: string,
  testInfo: TestInfo,
): Promise<AxeReport> {
  const results = await new AxeBuilder({ page }).analyze();
  const report = classify(results);
  for (const v of report.blocking) console.log(`axe ${label}: BLOCKING ${describe(v)}`);
  for (const v of report.listed) console.log(`axe ${label}: listed ${describe(v)}`);
  await testInfo.attach(`axe ${label}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  return report;
}

/** One line per blocking violation, for an assertion message that says what to fix. */
export function summarise(report: AxeReport): string[] {
  return report.blocking.map(describe);
}

/** One line per violation of any impact: for pages held to no finding at all. */
export function summariseAll(report: AxeReport): string[] {
  return [...report.blocking, ...report.listed].map(describe);
}

/** axe over some regions of the page (a feature's own; the shell is the axe spec's): no serious or critical finding. */
export async function expectNoSeriousAxe(page: Page, what: string, regions: string[]) {
  let builder = new AxeBuilder({ page });
  for (const region of regions) builder = builder.include(region);
  const report = classify(await builder.analyze());
  expect(report.blocking.map((v) => `${what}: ${describe(v)}`)).toEqual([]);
}
