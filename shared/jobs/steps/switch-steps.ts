import { count } from '../../wording';
import { cablingPlan } from '../../switch/work';
import { floorPortLabel, type StepContext } from './context';
import type { StepItem } from './step-status';

/**
 * Cabling and Port roles from what the switch showed: the cabling checks and verified role
 * read-backs the switch service journals (folded into `installation.switchFacts`), or
 * read-backs in the facts, or the platform's own sighting of the handset's link. Nothing
 * is green because the platform merely holds a record.
 */

/** The occupier's handsets and the floor port each goes on: the same plan the Cabling screen shows. */
function handsetPorts(ctx: StepContext) {
  const { plannedFloorPort } = ctx.state.installation.switchFacts;
  return cablingPlan(ctx.state.snapshot, { plannedFloorPort }).map((planned) => ({
    handset: planned.handset,
    name: `${planned.modelName} ${planned.handset.mac}`,
    floorPortId: planned.floorPort?.id ?? null,
  }));
}

export function cablingItems(ctx: StepContext): StepItem[] {
  const lines = handsetPorts(ctx);
  if (lines.length === 0)
    return [ctx.item('cabling:none', 'The occupier has no handset at this site yet.', 'open')];
  const readBacks = new Map((ctx.facts.readBacks ?? []).map((r) => [r.floorPortId, r]));
  const items: StepItem[] = [];
  for (const { handset, name, floorPortId } of lines) {
    const id = `cabling:${handset.id}`;
    if (floorPortId === null) {
      items.push(
        ctx.item(
          id,
          `${name} is on no floor port: cable it to one of the occupier's floor ports.`,
          'open',
        ),
      );
      continue;
    }
    const port = floorPortLabel(ctx.state, floorPortId);
    const checked = ctx.state.installation.switchFacts.cabling[handset.id];
    if (checked && checked.expectedFloorPortId === floorPortId) {
      if (checked.outcome === 'wrongPort')
        items.push(
          ctx.item(
            id,
            `${name} came up on ${checked.observedFloorPortId ? `floor port ${floorPortLabel(ctx.state, checked.observedFloorPortId)}` : 'an interface with no floor port'}, not ${port}: re-cable it or fix the plan.`,
            'open',
          ),
        );
      else if (checked.outcome === 'notSeen')
        items.push(
          ctx.item(
            id,
            `${name} is not seen on floor port ${port} yet (link, PoE and LLDP): plug it in.`,
            'open',
          ),
        );
      continue;
    }
    const readBack = readBacks.get(floorPortId);
    const registration = ctx.state.installation.registrations[handset.id];
    const platformSawIt = registration?.linkUp === true && registration.floorPortId === floorPortId;
    const linkUp = readBack?.linkUp ?? (platformSawIt ? true : null);
    if (linkUp === null)
      items.push(
        ctx.item(
          id,
          `${name} has not been seen on floor port ${port}: connect to the switch and check its cabling.`,
          'open',
        ),
      );
    else if (linkUp === false)
      items.push(
        ctx.item(id, `Floor port ${port} has no link: is ${name} cabled and powered?`, 'open'),
      );
    else if (readBack?.neighbourMac && readBack.neighbourMac !== handset.mac)
      items.push(
        ctx.item(
          id,
          `Floor port ${port} sees ${readBack.neighbourMac}, not ${name}: a different device is on it.`,
          'open',
        ),
      );
  }
  return items;
}

export function cablingSummary(ctx: StepContext, items: readonly StepItem[]): string {
  const n = handsetPorts(ctx).length;
  if (n > 0 && items.length === 0)
    return `${count(n, 'handset is', 'handsets are')} seen by the switch on ${n === 1 ? 'its floor port' : 'their floor ports'}.`;
  return `${count(n, 'handset', 'handsets')} to cable.`;
}

export function portRoleItems(ctx: StepContext): StepItem[] {
  const ports = [
    ...new Set(
      handsetPorts(ctx)
        .map((p) => p.floorPortId)
        .filter((id) => id !== null),
    ),
  ];
  if (ports.length === 0)
    return [ctx.item('portRole:none', 'No handset is on a floor port yet (Cabling).', 'open')];
  const catalogue = ctx.state.snapshot.site.roleCatalogue;
  const readBacks = new Map((ctx.facts.readBacks ?? []).map((r) => [r.floorPortId, r]));
  const items: StepItem[] = [];
  for (const floorPortId of ports) {
    const local = ctx.state.floorPorts.find((p) => p.id === floorPortId);
    const label = floorPortLabel(ctx.state, floorPortId);
    const role = catalogue.find((r) => r.id === local?.roleId);
    const id = `portRole:${floorPortId}`;
    if (local?.conflict)
      items.push(
        ctx.item(
          id,
          `The role of ${label} changed on the platform while yours waited: resolve the conflict.`,
          'open',
        ),
      );
    else if (!role)
      items.push(
        ctx.item(id, `${label} has no role: give it a voice role (e.g. Voice + PC).`, 'open'),
      );
    else if (role.voiceVlan === null || role.shutdown)
      items.push(
        ctx.item(
          id,
          `${label} is ${role.name}, which carries no voice: give it a voice role.`,
          'open',
        ),
      );
    else {
      const onSwitch = ctx.state.installation.switchFacts.roles[floorPortId];
      const readBack = readBacks.get(floorPortId)?.roleMatches ?? null;
      const verified = onSwitch ? onSwitch.verified && onSwitch.roleId === role.id : readBack;
      if (onSwitch?.rejected)
        items.push(
          ctx.item(
            id,
            `The switch refused ${role.name} on ${label}: Port roles shows what it has now.`,
            'open',
          ),
        );
      else if (verified === false)
        items.push(
          ctx.item(
            id,
            `The switch's configuration of ${label} does not match ${role.name}: apply it.`,
            'open',
          ),
        );
      else if (verified === null)
        items.push(
          ctx.item(
            id,
            `${label}'s role is not read back from the switch yet: apply and verify ${role.name} in Port roles.`,
            'open',
          ),
        );
      else if (local?.pending)
        items.push(
          ctx.item(id, `${label} → ${role.name} waits to sync with the platform.`, 'waiting'),
        );
    }
  }
  return items;
}

export function portRoleSummary(ctx: StepContext, items: readonly StepItem[]): string {
  const ports = new Set(
    handsetPorts(ctx)
      .map((p) => p.floorPortId)
      .filter((id) => id !== null),
  );
  if (ports.size > 0 && items.length === 0)
    return `${count(ports.size, 'floor port', 'floor ports')} with a handset, each with its voice role verified on the switch.`;
  return `${count(ports.size, 'floor port', 'floor ports')} with a handset.`;
}
