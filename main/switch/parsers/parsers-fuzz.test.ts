import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInterfaceConfig } from './parse-interface-config';
import { SHOW_COMMANDS } from './show-commands';

const TESTDATA = join(import.meta.dirname, '..', 'test-support', 'ntc-templates');
const SAMPLES = ['cisco_ios', 'hp_procurve'].flatMap((vendor) =>
  readdirSync(join(TESTDATA, vendor)).flatMap((folder) =>
    readdirSync(join(TESTDATA, vendor, folder))
      .filter((name) => name.endsWith('.raw'))
      .map((name) => readFileSync(join(TESTDATA, vendor, folder, name), 'utf8')),
  ),
);

/** A parser's answer is records or a typed error, whatever it was given. */
function expectWellFormed(result: unknown): void {
  const answer = result as {
    ok: boolean;
    records?: unknown[];
    warnings?: unknown[];
    error?: { code: string; message: string };
  };
  if (answer.ok) {
    expect(Array.isArray(answer.records)).toBe(true);
    expect(Array.isArray(answer.warnings)).toBe(true);
  } else {
    expect(answer.error?.code).toBe('PARSE_ERROR');
    expect(typeof answer.error?.message).toBe('string');
  }
}

const parsers = [
  ...SHOW_COMMANDS.map((command) => ({
    name: `${command.vendor} ${command.usage}`,
    parse: (text: string) => command.parse(text, undefined),
  })),
  ...SHOW_COMMANDS.filter((command) => command.usage.includes('<')).map((command) => ({
    name: `${command.vendor} ${command.usage} with an argument`,
    parse: (text: string) => command.parse(text, '5'),
  })),
  {
    name: 'parseInterfaceConfig cisco Gi1/0/5',
    parse: (text: string) => parseInterfaceConfig('cisco_ios', text, 'Gi1/0/5'),
  },
  {
    name: 'parseInterfaceConfig aruba 5',
    parse: (text: string) => parseInterfaceConfig('aruba_aoss', text, '5'),
  },
];

/** Noise a console session can leave: pager prompts, escape codes, backspaces, CRs, cut lines. */
const junk = fc.constantFrom(
  ' --More-- ',
  ' --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b',
  '\x1b[24;1H\x1b[2K',
  '\r',
  '\b',
  '-- MORE --, next page: Space, next line: Enter, quit: Control-C',
  'sw-3f-a#',
  '\x00',
  '|',
  ':',
  '----- ---- +',
  'interface 5',
  'vlan 20',
);

const mutatedSample = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    cuts: fc.array(
      fc.record({
        at: fc.nat(),
        drop: fc.nat({ max: 40 }),
        insert: fc.oneof(junk, fc.string({ maxLength: 12 })),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ sample, cuts }) =>
    cuts.reduce((text, cut) => {
      const at = text.length === 0 ? 0 : cut.at % text.length;
      return text.slice(0, at) + cut.insert + text.slice(at + cut.drop);
    }, sample),
  );

describe('no parser throws on any input', () => {
  for (const { name, parse } of parsers) {
    it(`${name}: arbitrary text and mutated real samples give records or a typed error`, () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ maxLength: 400 }),
            fc.string({ unit: 'binary', maxLength: 200 }),
            mutatedSample,
          ),
          (text) => {
            expectWellFormed(parse(text));
          },
        ),
        { numRuns: 150 },
      );
      for (const notText of [undefined, null, 42, {}] as unknown[])
        expectWellFormed(parse(notText as string));
    });
  }
});
