import { z } from 'zod';
import {
  FloorPort,
  Handset,
  HandsetModel,
  Occupier,
  Operator,
  PhoneNumber,
  Site,
  VoiceService,
} from '../../../shared/platform/schemas';
import { InstallationRecord, TestCall } from '../../../shared/platform/installation';

/**
 * A login the platform's records do not show: someone typed the number's extension and PIN
 * on this handset's keypad (a stale hot-desk login). A test call to the number rings it.
 */
export const StrayLogin = z.object({ e164: z.string().min(1), handsetId: z.string().min(1) });
export type StrayLogin = z.infer<typeof StrayLogin>;

/**
 * A world is the simulated equipment as data: what the platform simulator serves and
 * what the switch simulators are built from. It comes from the demo seed, a test or a bundle.
 */
export const World = z
  .object({
    description: z.string().optional(),
    operator: Operator,
    sites: z.array(Site),
    occupiers: z.array(Occupier),
    floorPorts: z.array(FloorPort),
    voiceServices: z.array(VoiceService).default([]),
    numbers: z.array(PhoneNumber).default([]),
    handsetModels: z.array(HandsetModel).default([]),
    handsets: z.array(Handset).default([]),
    /**
     * Floor ports with link when the world starts (until the switch simulators feed link
     * state). When absent: every floor port a handset is plugged in to.
     */
    linkedFloorPorts: z.array(z.string().min(1)).optional(),
    strayLogins: z.array(StrayLogin).optional(),
    /**
     * Changes a simulated switch refuses on an interface (a port bundled in a trunk, locked
     * by policy): in that interface's configuration, a command starting with `command` is
     * answered with `answer` (default: the vendor's own refusal) and not applied.
     */
    refusedCommands: z
      .array(
        z
          .object({
            switchId: z.string().min(1),
            interfaceName: z.string().min(1),
            command: z.string().min(1),
            answer: z.string().min(1).optional(),
          })
          .strict(),
      )
      .optional(),
    /** Test calls placed so far (a saved state keeps them). */
    testCalls: z.array(TestCall).default([]),
    /** Installation records written by jobs (a saved state keeps them). */
    installationRecords: z.array(InstallationRecord).default([]),
  })
  .superRefine((world, ctx) => {
    const siteIds = new Set(world.sites.map((site) => site.id));
    const occupierIds = new Set(world.occupiers.map((occupier) => occupier.id));
    const unique = (label: string, ids: string[]) => {
      const seen = new Set<string>();
      for (const id of ids) {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `${label} ${id} appears twice` });
        seen.add(id);
      }
    };
    unique(
      'site',
      world.sites.map((s) => s.id),
    );
    unique(
      'occupier',
      world.occupiers.map((o) => o.id),
    );
    unique(
      'floor port',
      world.floorPorts.map((p) => p.id),
    );
    unique(
      'number',
      world.numbers.map((n) => n.e164),
    );
    const floorPortIds = new Set(world.floorPorts.map((port) => port.id));
    for (const floorPortId of world.linkedFloorPorts ?? [])
      if (!floorPortIds.has(floorPortId))
        ctx.addIssue({
          code: 'custom',
          message: `linked floor port ${floorPortId} is not a floor port of the world`,
        });
    const switchIds = new Set(world.sites.flatMap((site) => site.switches.map((sw) => sw.id)));
    for (const refused of world.refusedCommands ?? [])
      if (!switchIds.has(refused.switchId))
        ctx.addIssue({
          code: 'custom',
          message: `refused command "${refused.command}" names unknown switch ${refused.switchId}`,
        });
    const handsetIds = new Set(world.handsets.map((handset) => handset.id));
    for (const stray of world.strayLogins ?? [])
      if (!handsetIds.has(stray.handsetId))
        ctx.addIssue({
          code: 'custom',
          message: `stray login of ${stray.e164} names unknown handset ${stray.handsetId}`,
        });
    for (const occupier of world.occupiers) {
      if (!siteIds.has(occupier.siteId))
        ctx.addIssue({
          code: 'custom',
          message: `occupier ${occupier.id} names unknown site ${occupier.siteId}`,
        });
    }
    for (const port of world.floorPorts) {
      const site = world.sites.find((s) => s.id === port.siteId);
      if (!site) {
        ctx.addIssue({
          code: 'custom',
          message: `floor port ${port.id} names unknown site ${port.siteId}`,
        });
        continue;
      }
      if (!site.switches.some((sw) => sw.id === port.switchId))
        ctx.addIssue({
          code: 'custom',
          message: `floor port ${port.id} names unknown switch ${port.switchId}`,
        });
      if (port.roleId !== null && !site.roleCatalogue.some((r) => r.id === port.roleId))
        ctx.addIssue({
          code: 'custom',
          message: `floor port ${port.id} has role ${port.roleId}, which is not in the site's catalogue`,
        });
      if (port.allocation.kind === 'occupier' && !occupierIds.has(port.allocation.occupierId))
        ctx.addIssue({
          code: 'custom',
          message: `floor port ${port.id} is allocated to unknown occupier ${port.allocation.occupierId}`,
        });
    }
  });
export type World = z.infer<typeof World>;
