import { z } from 'zod';
import {
  FloorPort,
  Handset,
  HandsetModel,
  Id,
  Occupier,
  Operator,
  PhoneNumber,
  Site,
  VoiceService,
} from './schemas';

/**
 * Everything a job needs about one site, taken for one occupier: what the platform serves,
 * what a bundle carries and what the number checks read. The other occupiers are included
 * because some findings cross occupiers (a number claimed twice).
 */
export const SiteSnapshot = z
  .object({
    /** The platform's version of this snapshot; it changes with any change at the site. */
    version: z.number().int().nonnegative(),
    takenAt: z.iso.datetime({ offset: true }),
    operator: Operator,
    site: Site,
    /** The occupier this snapshot was taken for. */
    occupierId: Id,
    /** Every occupier at the site. */
    occupiers: z.array(Occupier),
    floorPorts: z.array(FloorPort),
    /** The site's voice services, all occupiers. */
    voiceServices: z.array(VoiceService),
    /** Every number at the site that is not AVAILABLE, all occupiers. */
    numbers: z.array(PhoneNumber),
    /** How many AVAILABLE numbers the site's pool holds. */
    poolAvailable: z.number().int().nonnegative(),
    handsetModels: z.array(HandsetModel),
    handsets: z.array(Handset),
  })
  .superRefine((snapshot, ctx) => {
    if (!snapshot.occupiers.some((occupier) => occupier.id === snapshot.occupierId))
      ctx.addIssue({
        code: 'custom',
        path: ['occupierId'],
        message: `occupier ${snapshot.occupierId} is not among the site's occupiers`,
      });
  });
export type SiteSnapshot = z.infer<typeof SiteSnapshot>;
