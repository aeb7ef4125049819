import type {
  FloorPort,
  Handset,
  HandsetModel,
  Occupier,
  Operator,
  PhoneNumber,
  Site,
  VoiceService,
} from '../../../shared/platform/schemas';
import type { InstallationRecord, TestCall } from '../../../shared/platform/installation';
import type { StrayLogin, World } from '../world/schema';
import { ProblemError, problem } from './problem';

/**
 * The simulator's live data: the world's resources indexed for lookup, plus a revision per
 * site (a site snapshot's version). Handlers read and change it synchronously, so one
 * request's change is never interleaved with another's.
 */
export class PlatformState {
  operator: Operator;
  readonly sites = new Map<string, Site>();
  readonly occupiers = new Map<string, Occupier>();
  readonly floorPorts = new Map<string, FloorPort>();
  readonly voiceServices = new Map<string, VoiceService>();
  readonly numbers = new Map<string, PhoneNumber>();
  readonly handsetModels = new Map<string, HandsetModel>();
  readonly handsets = new Map<string, Handset>();
  readonly siteRevisions = new Map<string, number>();
  /** Test calls in the order they were placed. */
  readonly testCalls: TestCall[] = [];
  /** Installation records by `siteId/occupierId/jobId`. */
  readonly installationRecords = new Map<string, InstallationRecord>();
  /** Keypad logins the records do not show (see StrayLogin); test calls ring these too. */
  readonly strayLogins: StrayLogin[];
  /** Parts of the world the platform does not serve, kept so a saved state loses nothing. */
  private readonly worldExtras: Pick<World, 'description' | 'linkedFloorPorts'>;

  constructor(world: World, siteRevisions: Record<string, number> = {}) {
    const copy = structuredClone(world);
    this.worldExtras = {
      ...(copy.description === undefined ? {} : { description: copy.description }),
      ...(copy.linkedFloorPorts === undefined ? {} : { linkedFloorPorts: copy.linkedFloorPorts }),
    };
    this.operator = copy.operator;
    for (const site of copy.sites) this.sites.set(site.id, site);
    for (const occupier of copy.occupiers) this.occupiers.set(occupier.id, occupier);
    for (const port of copy.floorPorts) this.floorPorts.set(port.id, port);
    for (const service of copy.voiceServices) this.voiceServices.set(service.id, service);
    for (const number of copy.numbers) this.numbers.set(number.e164, number);
    for (const model of copy.handsetModels) this.handsetModels.set(model.id, model);
    for (const handset of copy.handsets) this.handsets.set(handset.id, handset);
    for (const site of copy.sites) this.siteRevisions.set(site.id, siteRevisions[site.id] ?? 1);
    this.testCalls.push(...copy.testCalls);
    for (const record of copy.installationRecords)
      this.installationRecords.set(installationKey(record), record);
    this.strayLogins = copy.strayLogins ?? [];
  }

  toWorld(): World {
    return structuredClone({
      ...this.worldExtras,
      operator: this.operator,
      sites: [...this.sites.values()],
      occupiers: [...this.occupiers.values()],
      floorPorts: [...this.floorPorts.values()],
      voiceServices: [...this.voiceServices.values()],
      numbers: [...this.numbers.values()],
      handsetModels: [...this.handsetModels.values()],
      handsets: [...this.handsets.values()],
      ...(this.strayLogins.length > 0 ? { strayLogins: this.strayLogins } : {}),
      testCalls: this.testCalls,
      installationRecords: [...this.installationRecords.values()],
    });
  }

  revisionsRecord(): Record<string, number> {
    return Object.fromEntries(this.siteRevisions);
  }

  /** Marks a site as changed: its snapshot version moves on. */
  touchSite(siteId: string): void {
    this.siteRevisions.set(siteId, (this.siteRevisions.get(siteId) ?? 0) + 1);
  }

  siteRevision(siteId: string): number {
    return this.siteRevisions.get(siteId) ?? 0;
  }

  site(siteId: string): Site {
    const site = this.sites.get(siteId);
    if (!site)
      throw new ProblemError(
        problem(404, 'SITE_NOT_FOUND', 'Site not found', `There is no site ${siteId}.`),
      );
    return site;
  }

  occupierAt(siteId: string, occupierId: string): Occupier {
    this.site(siteId);
    const occupier = this.occupiers.get(occupierId);
    if (!occupier || occupier.siteId !== siteId)
      throw new ProblemError(
        problem(
          404,
          'OCCUPIER_NOT_FOUND',
          'Occupier not found',
          `There is no occupier ${occupierId} at site ${siteId}.`,
        ),
      );
    return occupier;
  }

  numberAt(siteId: string, e164: string): PhoneNumber {
    this.site(siteId);
    const number = this.numbers.get(e164);
    if (!number || number.siteId !== siteId)
      throw new ProblemError(
        problem(
          404,
          'NUMBER_NOT_FOUND',
          'Number not found',
          `The number ${e164} is not provisioned at site ${siteId}.`,
        ),
      );
    return number;
  }

  voiceService(serviceId: string): VoiceService {
    const service = this.voiceServices.get(serviceId);
    if (!service)
      throw new ProblemError(
        problem(
          404,
          'VOICE_SERVICE_NOT_FOUND',
          'Voice service not found',
          `There is no voice service ${serviceId}.`,
        ),
      );
    return service;
  }

  floorPort(floorPortId: string): FloorPort {
    const port = this.floorPorts.get(floorPortId);
    if (!port)
      throw new ProblemError(
        problem(
          404,
          'FLOOR_PORT_NOT_FOUND',
          'Floor port not found',
          `There is no floor port ${floorPortId}.`,
        ),
      );
    return port;
  }

  handset(handsetId: string): Handset {
    const handset = this.handsets.get(handsetId);
    if (!handset)
      throw new ProblemError(
        problem(404, 'HANDSET_NOT_FOUND', 'Handset not found', `There is no handset ${handsetId}.`),
      );
    return handset;
  }

  handsetModel(modelId: string): HandsetModel {
    const model = this.handsetModels.get(modelId);
    if (!model)
      throw new ProblemError(
        problem(
          422,
          'HANDSET_MODEL_UNKNOWN',
          'Unknown handset model',
          `The handset model ${modelId} is not in the platform's device catalogue.`,
        ),
      );
    return model;
  }

  numbersOf(siteId: string, occupierId: string): PhoneNumber[] {
    return [...this.numbers.values()].filter(
      (n) => n.siteId === siteId && n.occupierId === occupierId,
    );
  }

  servicesOf(siteId: string, occupierId: string): VoiceService[] {
    return [...this.voiceServices.values()].filter(
      (s) => s.siteId === siteId && s.occupierId === occupierId,
    );
  }

  /** Free pool numbers at a site, in number order (the order allocation takes them). */
  freePool(siteId: string): PhoneNumber[] {
    return [...this.numbers.values()]
      .filter((n) => n.siteId === siteId && n.state === 'AVAILABLE' && n.occupierId === null)
      .sort((a, b) => a.e164.localeCompare(b.e164));
  }
}

/** The key an installation record is kept under. */
export function installationKey(record: {
  siteId: string;
  occupierId: string;
  jobId: string;
}): string {
  return `${record.siteId}/${record.occupierId}/${record.jobId}`;
}

/** Checks `If-Match` against a resource's version; a stale one is a 412 that says both. */
export function assertVersion(
  what: string,
  current: { version: number },
  expected: number | null,
): void {
  if (expected === null || expected === current.version) return;
  throw new ProblemError(
    problem(
      412,
      'VERSION_MISMATCH',
      'Version mismatch',
      `${what} is at version ${current.version}, not ${expected}: it changed since you read it. Read it again and retry.`,
      { currentVersion: current.version, expectedVersion: expected },
    ),
  );
}
