import { z } from 'zod';
import { PortRole, SwitchVendor } from '../platform/schemas';
import { NumberFinding } from '../numbers/findings';

/** The JSON members of a bundle (the journal is JSON lines, the report HTML). */

export const TranscriptLine = z.object({
  /** Milliseconds since the session began. */
  at: z.number().nonnegative(),
  direction: z.enum(['tx', 'rx', 'note']),
  text: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLine>;

export const TranscriptMember = z.object({
  name: z.string().min(1),
  switchId: z.string().nullable(),
  startedAt: z.string(),
  entries: z.array(TranscriptLine),
});
export type TranscriptMember = z.infer<typeof TranscriptMember>;

export const SwitchIdentity = z.object({
  switchId: z.string().min(1),
  vendor: SwitchVendor,
  hostname: z.string().min(1),
  model: z.string(),
  interfaceCount: z.number().int().positive(),
  /** What `show version` / `show system` said, when it was read. */
  softwareVersion: z.string().nullable().default(null),
  serialNumber: z.string().nullable().default(null),
});
export type SwitchIdentity = z.infer<typeof SwitchIdentity>;

/** One interface's configuration lines as the switch printed them, when first read. */
export const InterfaceConfig = z.object({
  interfaceName: z.string().min(1),
  lines: z.array(z.string()),
});
export type InterfaceConfig = z.infer<typeof InterfaceConfig>;

/** A role applied to an interface, and what the switch answered. */
export const SwitchOperation = z.object({
  id: z.string().min(1),
  at: z.string(),
  kind: z.literal('applyPortRole'),
  interfaceName: z.string().min(1),
  role: PortRole,
  /** The transcript member holding this operation's console session, if any. */
  transcript: z.string().nullable(),
  result: z.object({
    changed: z.boolean(),
    verified: z.boolean(),
    commands: z.array(z.string()),
    /** The interface's configuration as read back from the switch at the end. */
    actualConfig: z.array(z.string()),
    rejected: z.object({ command: z.string(), switchSaid: z.string() }).nullable(),
  }),
});
export type SwitchOperation = z.infer<typeof SwitchOperation>;

export const SwitchMember = z.object({
  identity: SwitchIdentity,
  /** Each interface's configuration before the job changed it. */
  interfaces: z.array(InterfaceConfig),
  /** The switch's VLANs as read; null when they were not read (replay then uses the site's roles). */
  vlans: z
    .array(
      z.object({ id: z.number().int().min(1).max(4094), name: z.string(), voice: z.boolean() }),
    )
    .nullable()
    .default(null),
  operations: z.array(SwitchOperation),
});
export type SwitchMember = z.infer<typeof SwitchMember>;

export const FindingsMember = z.object({
  computedAt: z.string(),
  occupierId: z.string(),
  /** Null when the checks could not run on the job's snapshot; `problem` says why. */
  findings: z.array(NumberFinding).nullable(),
  problem: z.string().nullable(),
});
export type FindingsMember = z.infer<typeof FindingsMember>;

/** One line of the app's log (pino's JSON lines: level, time in ms, msg, and context). */
export const LogLine = z
  .object({ level: z.number().int(), time: z.number(), msg: z.string().optional() })
  .catchall(z.unknown());
export type LogLine = z.infer<typeof LogLine>;
