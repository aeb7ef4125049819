import { z } from 'zod';

/** Shapes of the platform's resources, shared by the client, the simulator and the UI. */

export const RegionCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'a region is a two-letter ISO country code such as GB or US');
export type RegionCode = z.infer<typeof RegionCode>;

export const Id = z.string().min(1).max(100);

export const SwitchVendor = z.enum(['cisco_ios', 'aruba_aoss']);
export type SwitchVendor = z.infer<typeof SwitchVendor>;

export const Vlan = z.number().int().min(1).max(4094);

export const PortRole = z.object({
  id: Id,
  name: z.string().min(1),
  description: z.string(),
  dataVlan: Vlan,
  voiceVlan: Vlan.nullable(),
  poe: z.boolean(),
  lldpMed: z.boolean(),
  edge: z.boolean(),
  shutdown: z.boolean(),
});
export type PortRole = z.infer<typeof PortRole>;

export const ConsoleSettings = z.object({
  baudRate: z.number().int().positive(),
  dataBits: z.literal(8),
  parity: z.enum(['none', 'even', 'odd']),
  stopBits: z.union([z.literal(1), z.literal(2)]),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

export const SwitchInfo = z.object({
  id: Id,
  hostname: z.string().min(1),
  vendor: SwitchVendor,
  model: z.string(),
  floorId: Id,
  console: ConsoleSettings,
  interfaceCount: z.number().int().positive(),
});
export type SwitchInfo = z.infer<typeof SwitchInfo>;

export const Floor = z.object({ id: Id, name: z.string(), level: z.number().int() });
export type Floor = z.infer<typeof Floor>;

export const Space = z.object({ id: Id, floorId: Id, name: z.string() });
export type Space = z.infer<typeof Space>;

export const Site = z.object({
  id: Id,
  name: z.string().min(1),
  region: RegionCode,
  city: z.string(),
  address: z.string(),
  floors: z.array(Floor),
  spaces: z.array(Space),
  switches: z.array(SwitchInfo),
  roleCatalogue: z.array(PortRole),
});
export type Site = z.infer<typeof Site>;

export const SiteSummary = z.object({
  id: Id,
  name: z.string(),
  region: RegionCode,
  city: z.string(),
  occupierCount: z.number().int().nonnegative(),
  floorPortCount: z.number().int().nonnegative(),
});
export type SiteSummary = z.infer<typeof SiteSummary>;

export const FloorPortAllocation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('occupier'), occupierId: Id }),
  z.object({ kind: z.literal('operator') }),
  z.object({ kind: z.literal('unallocated') }),
]);
export type FloorPortAllocation = z.infer<typeof FloorPortAllocation>;

export const FloorPort = z.object({
  id: Id,
  siteId: Id,
  label: z.string().min(1),
  floorId: Id,
  spaceId: Id,
  switchId: Id,
  interfaceName: z.string().min(1),
  roleId: Id.nullable(),
  allocation: FloorPortAllocation,
  version: z.number().int().nonnegative(),
});
export type FloorPort = z.infer<typeof FloorPort>;

export const Occupier = z.object({
  id: Id,
  siteId: Id,
  name: z.string().min(1),
  spaceIds: z.array(Id),
  contact: z.string(),
});
export type Occupier = z.infer<typeof Occupier>;

export const Operator = z.object({
  id: Id,
  name: z.string().min(1),
  autoMainNumber: z.boolean(),
});
export type Operator = z.infer<typeof Operator>;

/** A page of a list resource. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

export const NumberState = z.enum(['AVAILABLE', 'RESERVED', 'ACTIVE', 'PENDING', 'COOLDOWN']);
export type NumberState = z.infer<typeof NumberState>;

export const NumberSource = z.enum(['pool', 'ported', 'customRange']);
export type NumberSource = z.infer<typeof NumberSource>;

export const PhoneNumber = z.object({
  e164: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123'),
  siteId: Id,
  occupierId: Id.nullable(),
  state: NumberState,
  source: NumberSource,
  extension: z.string(),
  defaultPin: z.string(),
  isMain: z.boolean(),
  handsetId: Id.nullable(),
  version: z.number().int().nonnegative(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

export const VoiceService = z.object({
  id: Id,
  siteId: Id,
  occupierId: Id,
  quantity: z.number().int().positive(),
  version: z.number().int().nonnegative(),
});
export type VoiceService = z.infer<typeof VoiceService>;

export const LoginMethod = z.enum(['remote', 'manual']);
export type LoginMethod = z.infer<typeof LoginMethod>;

export const HandsetModel = z.object({
  id: Id,
  vendor: z.string(),
  name: z.string(),
  loginMethod: LoginMethod,
  keypadSteps: z.array(z.string()),
});
export type HandsetModel = z.infer<typeof HandsetModel>;

export const RegistrationState = z.enum(['unregistered', 'registering', 'registered']);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const Handset = z.object({
  id: Id,
  siteId: Id,
  occupierId: Id.nullable(),
  modelId: Id,
  mac: z
    .string()
    .regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/, 'a MAC address such as 80:5e:c0:12:34:56'),
  floorPortId: Id.nullable(),
  loggedInNumber: z.string().nullable(),
  registration: RegistrationState,
  version: z.number().int().nonnegative(),
});
export type Handset = z.infer<typeof Handset>;
