import { CodedError } from '../../../shared/errors';
import type { LinkTable } from '../platform/links';
import { switchFromWorld } from '../switch/from-world';
import type { SimulatedSwitch } from '../switch/simulated-switch';
import type { SwitchCredentials } from '../switch/switch-model';
import type { World } from './schema';

/** Where a handset physically is (which may differ from the platform's record). */
export interface HandsetPlacement {
  handsetId: string;
  floorPortId: string | null;
}

export interface LiveWorldOptions {
  /** What the simulated switches ask at login; null: no login (the demo's switches). */
  credentials: SwitchCredentials | null;
}

/**
 * One world, live: the simulated switches of every site built from it, and where each
 * handset is really plugged in. Plugging a handset into a floor port puts it on the switch
 * interface the floor port is patched to (PoE, link, LLDP-MED/CDP, MAC); each link change
 * the switches report is fed to the platform simulator's link table, so registration
 * follows the real cabling. Unplugging drops both.
 */
export class LiveWorld {
  private readonly switches = new Map<string, SimulatedSwitch>();
  private readonly placement = new Map<string, string | null>();
  private readonly stops: Array<() => void> = [];
  private readonly linkFeeds = new Set<LinkTable>();

  constructor(
    readonly world: World,
    private readonly options: LiveWorldOptions,
  ) {
    for (const handset of world.handsets) this.placement.set(handset.id, handset.floorPortId);
  }

  /** The simulator of one switch of the world (built on first use, then shared by every console). */
  switchOf(switchId: string): SimulatedSwitch {
    let sw = this.switches.get(switchId);
    if (!sw) {
      sw = switchFromWorld(this.world, switchId, { credentials: this.options.credentials });
      this.switches.set(switchId, sw);
      this.watch(switchId, sw);
    }
    return sw;
  }

  /** The floor port a handset is plugged into now, or null. */
  whereIs(handsetId: string): string | null {
    this.handset(handsetId);
    return this.placement.get(handsetId) ?? null;
  }

  placements(): HandsetPlacement[] {
    return [...this.placement].map(([handsetId, floorPortId]) => ({ handsetId, floorPortId }));
  }

  /** Plugs a handset into a floor port (unplugging it from where it was, and whatever was there). */
  plug(handsetId: string, floorPortId: string): void {
    const handset = this.handset(handsetId);
    const floorPort = this.floorPort(floorPortId);
    if (floorPort.siteId !== handset.siteId)
      throw new CodedError(
        'WORLD_WRONG_SITE',
        `Handset ${handsetId} is at another site than floor port ${floorPort.label}.`,
      );
    this.unplug(handsetId);
    for (const [otherId, at] of this.placement) if (at === floorPortId) this.unplug(otherId);
    const model = this.world.handsetModels.find((m) => m.id === handset.modelId);
    const sw = this.switchOf(floorPort.switchId);
    this.placement.set(handsetId, floorPortId);
    if (!sw.port(floorPort.interfaceName)) return;
    sw.plugIn(floorPort.interfaceName, {
      mac: handset.mac,
      model: model?.name ?? handset.modelId,
      manufacturer: model?.vendor ?? 'Unknown',
      cdp: model?.vendor === 'Cisco',
    });
  }

  unplug(handsetId: string): void {
    this.handset(handsetId);
    const at = this.placement.get(handsetId) ?? null;
    if (at === null) return;
    this.placement.set(handsetId, null);
    const floorPort = this.floorPort(at);
    const sw = this.switchOf(floorPort.switchId);
    if (sw.port(floorPort.interfaceName)) sw.unplug(floorPort.interfaceName);
  }

  /**
   * Feeds the platform simulator's link table from the switches, starting with what has
   * link now. Returns a function that stops feeding it.
   */
  feedLinks(links: LinkTable): () => void {
    this.linkFeeds.add(links);
    for (const site of this.world.sites)
      for (const info of site.switches) {
        const sw = this.switchOf(info.id);
        for (const floorPort of this.world.floorPorts.filter((p) => p.switchId === info.id)) {
          const port = sw.port(floorPort.interfaceName);
          if (!port) continue;
          const up = sw.linkUp(port);
          links.set(floorPort.id, up, up ? (port.device?.mac ?? null) : null);
        }
      }
    return () => this.linkFeeds.delete(links);
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
    for (const sw of this.switches.values()) sw.close();
    this.linkFeeds.clear();
  }

  private watch(switchId: string, sw: SimulatedSwitch): void {
    const floorPorts = this.world.floorPorts.filter((p) => p.switchId === switchId);
    this.stops.push(
      sw.onEvent((event) => {
        if (event.kind !== 'link') return;
        const floorPort = floorPorts.find((p) => sw.port(p.interfaceName) === event.port);
        if (!floorPort) return;
        const mac = event.up ? (event.port.device?.mac ?? null) : null;
        for (const links of this.linkFeeds) links.set(floorPort.id, event.up, mac);
      }),
    );
  }

  private handset(handsetId: string) {
    const handset = this.world.handsets.find((h) => h.id === handsetId);
    if (!handset)
      throw new CodedError('WORLD_UNKNOWN_HANDSET', `There is no handset ${handsetId}.`);
    return handset;
  }

  private floorPort(floorPortId: string) {
    const floorPort = this.world.floorPorts.find((p) => p.id === floorPortId);
    if (!floorPort)
      throw new CodedError('WORLD_UNKNOWN_FLOOR_PORT', `There is no floor port ${floorPortId}.`);
    return floorPort;
  }
}
