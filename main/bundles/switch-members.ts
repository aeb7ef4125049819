import { readFileSync } from 'node:fs';
import { basename, join, normalize, sep } from 'node:path';
import type {
  SwitchMember,
  SwitchOperation,
  TranscriptLine,
  TranscriptMember,
} from '../../shared/bundles';
import type { JobEvent, JobSnapshot } from '../../shared/jobs';

const LINE = /^\[(\d+\.\d{3})\] (tx|rx|note) (".*")$/;

/** A transcript file as the switch service writes it (`[s.mmm] tx "…"` lines under a `#` header). */
export function parseTranscriptText(text: string): TranscriptLine[] {
  const entries: TranscriptLine[] = [];
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    try {
      entries.push({
        at: Math.round(Number(match[1]) * 1000),
        direction: match[2] as TranscriptLine['direction'],
        text: JSON.parse(match[3]!) as string,
      });
    } catch {
      // A line cut short by a crash: the rest of the file is still worth reading.
    }
  }
  return entries;
}

/** Every console transcript the journal says was saved, read from the job's folder. */
export function transcriptsOf(
  records: readonly JobEvent[],
  jobDirectory: string,
): { transcripts: TranscriptMember[]; notes: string[] } {
  const transcripts: TranscriptMember[] = [];
  const notes: string[] = [];
  for (const record of records) {
    if (record.type !== 'SwitchTranscriptSaved') continue;
    const relative = normalize(record.payload.file);
    if (!relative.startsWith(`transcripts${sep}`) || relative.includes('..')) {
      notes.push(
        `The transcript ${record.payload.file} is not in the job's folder; it was left out.`,
      );
      continue;
    }
    let text: string;
    try {
      text = readFileSync(join(jobDirectory, relative), 'utf8');
    } catch {
      notes.push(
        `The transcript ${record.payload.file} the journal names is missing from the job's folder.`,
      );
      continue;
    }
    transcripts.push({
      name: basename(relative, '.txt'),
      switchId: record.payload.switchId,
      startedAt: record.payload.startedAt,
      entries: parseTranscriptText(text),
    });
  }
  return { transcripts, notes };
}

/**
 * The switches of a job as its journal saw them: the identity each connection reported,
 * each interface's configuration as read before the job first changed it, and every role
 * applied with what the switch answered (each named by its journal record, `#seq`).
 */
export function switchMembersOf(
  records: readonly JobEvent[],
  snapshot: JobSnapshot,
  transcripts: readonly TranscriptMember[],
  savedUntil: ReadonlyMap<string, string>,
): { switches: SwitchMember[]; notes: string[] } {
  const notes: string[] = [];
  const bySwitch = new Map<string, SwitchMember>();
  for (const record of records) {
    if (record.type === 'SwitchConnected') {
      const { switchId, identity } = record.payload;
      const info = snapshot.site.switches.find((s) => s.id === switchId);
      const existing = bySwitch.get(switchId);
      const member: SwitchMember = existing ?? {
        identity: null as never,
        interfaces: [],
        vlans: null,
        operations: [],
      };
      member.identity = {
        switchId,
        vendor: identity.vendor,
        hostname: identity.hostname,
        model: identity.model,
        interfaceCount: info?.interfaceCount ?? 48,
        softwareVersion: identity.softwareVersion || null,
        serialNumber: identity.serialNumber || null,
      };
      bySwitch.set(switchId, member);
    }
    if (record.type === 'PortRoleApplied') {
      const { switchId, interfaceName, roleId } = record.payload;
      const member = bySwitch.get(switchId);
      const role = snapshot.site.roleCatalogue.find((r) => r.id === roleId);
      if (!member || !role) {
        notes.push(
          `#${record.seq}: a role was applied on ${switchId} ${member ? `with role ${roleId}, which the site's catalogue does not hold` : 'before any connection was recorded'}; it is not replayed.`,
        );
        continue;
      }
      if (!member.interfaces.some((i) => i.interfaceName === interfaceName)) {
        if (record.payload.before)
          member.interfaces.push({ interfaceName, lines: record.payload.before });
        else
          notes.push(
            `#${record.seq}: ${interfaceName}'s configuration before the change was not recorded; a replay starts it from factory defaults.`,
          );
      }
      const transcript = transcripts.find(
        (t) =>
          t.switchId === switchId &&
          t.startedAt <= record.time &&
          record.time <= (savedUntil.get(t.name) ?? ''),
      );
      const operation: SwitchOperation = {
        id: `#${record.seq}`,
        at: record.time,
        kind: 'applyPortRole',
        interfaceName,
        role,
        transcript: transcript?.name ?? null,
        result: {
          changed: record.payload.changed,
          verified: record.payload.verified,
          commands: record.payload.commands,
          actualConfig: record.payload.actualConfig,
          rejected: record.payload.rejected
            ? {
                command: record.payload.rejected.command,
                switchSaid: record.payload.rejected.switchSaid,
              }
            : null,
        },
      };
      member.operations.push(operation);
    }
  }
  return { switches: [...bySwitch.values()], notes };
}

/** When each saved transcript ended, by transcript name (to find the one an operation ran in). */
export function transcriptEnds(records: readonly JobEvent[]): Map<string, string> {
  const ends = new Map<string, string>();
  for (const record of records)
    if (record.type === 'SwitchTranscriptSaved')
      ends.set(basename(normalize(record.payload.file), '.txt'), record.payload.endedAt);
  return ends;
}
