import { z } from 'zod';
import { FloorPort, Occupier, Site, SiteSummary } from '../../platform/schemas';
import { defineDomain } from '../domain';

export const SiteDetail = z.object({
  site: Site,
  occupiers: z.array(Occupier),
  floorPorts: z.array(FloorPort),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

export const sitesDomain = defineDomain('sites', {
  channels: {
    'sites:list': {
      request: z.object({}).strict(),
      response: z.object({ sites: z.array(SiteSummary) }),
    },
    'sites:get': {
      request: z.object({ siteId: z.string().min(1) }).strict(),
      response: SiteDetail,
    },
  },
  events: {},
});
