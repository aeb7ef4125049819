import { z } from 'zod';
import {
  FloorPort,
  Handset,
  HandsetModel,
  Id,
  Occupier,
  Operator,
  PhoneNumber,
  RegistrationState,
  Site,
  SiteSummary,
  VoiceService,
  NumberState,
  pageOf,
} from './schemas';
import { SiteSnapshot } from './snapshot';
import {
  InstallationRecord,
  InstallationRecordBody,
  PlaceTestCallRequest,
  TestCall,
  TestCallQuery,
} from './installation';

/**
 * The platform API contract: every operation once, as data. The simulator binds its routes
 * from it, the client is typed from it, and `buildOpenApiDocument` turns it into OpenAPI 3.1.
 */

/** RFC 9457 problem details with our machine-readable `code`. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +442079460123');

export const Health = z.object({ status: z.literal('ok') });

export const PageQuery = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const NumberListQuery = PageQuery.extend({
  occupierId: Id.optional(),
  state: NumberState.optional(),
});
export const OccupierFilterQuery = PageQuery.extend({ occupierId: Id.optional() });

export const SiteSummaryPage = pageOf(SiteSummary);
export const OccupierPage = pageOf(Occupier);
export const FloorPortPage = pageOf(FloorPort);
export const VoiceServicePage = pageOf(VoiceService);
export const PhoneNumberPage = pageOf(PhoneNumber);
export const HandsetModelPage = pageOf(HandsetModel);
export const HandsetPage = pageOf(Handset);
export const TestCallPage = pageOf(TestCall);

export const QuantityRequest = z.object({ quantity: z.number().int().min(1).max(10_000) });

/** What the first-time automation did (or why it did not run). */
export const AutomationOutcome = z.object({
  automatic: z.boolean(),
  reason: z.string(),
  allocated: z.array(E164),
  activated: z.array(E164),
  spare: z.array(E164),
  mainNumber: E164.nullable(),
});
export type AutomationOutcome = z.infer<typeof AutomationOutcome>;

export const AddVoiceServiceResult = z.object({
  voiceService: VoiceService,
  automation: AutomationOutcome,
});
export type AddVoiceServiceResult = z.infer<typeof AddVoiceServiceResult>;

export const AllocateRequest = z.union([
  z.object({ count: z.number().int().min(1).max(1_000) }),
  z.object({ numbers: z.array(E164).min(1).max(1_000) }),
]);
export type AllocateRequest = z.infer<typeof AllocateRequest>;

export const NumbersResult = z.object({ numbers: z.array(PhoneNumber) });
export type NumbersResult = z.infer<typeof NumbersResult>;

export const PortedNumbersRequest = z.object({
  numbers: z.array(z.string().min(1).max(40)).min(1).max(1_000),
});
export const CustomRangeRequest = z.object({
  first: z.string().min(1).max(40),
  count: z.number().int().min(1).max(1_000),
});
export const SetFloorPortRoleRequest = z.object({ roleId: Id });
export const RegisterHandsetRequest = z.object({
  mac: z
    .string()
    .regex(/^[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){5}$/, 'a MAC address such as 80:5e:c0:12:34:56'),
  modelId: Id,
  occupierId: Id.nullable(),
  floorPortId: Id.nullable(),
});
export const RemoteLoginRequest = z.object({ e164: E164 });

export const HandsetRegistration = z.object({
  handsetId: Id,
  registration: RegistrationState,
  loggedInNumber: E164.nullable(),
  floorPortId: Id.nullable(),
  linkUp: z.boolean(),
  version: z.number().int().nonnegative(),
});
export type HandsetRegistration = z.infer<typeof HandsetRegistration>;

const NoParams = z.object({});
const SiteParams = z.object({ siteId: Id });
const OccupierParams = z.object({ siteId: Id, occupierId: Id });
const NumberParams = z.object({ siteId: Id, e164: E164 });
const ServiceParams = z.object({ serviceId: Id });
const FloorPortParams = z.object({ floorPortId: Id });
const HandsetParams = z.object({ handsetId: Id });
const TestCallParams = z.object({ testCallId: Id });
const InstallationRecordParams = z.object({ siteId: Id, occupierId: Id, jobId: Id });

export type HttpMethod = 'get' | 'post' | 'put' | 'patch';

export interface OperationSpec {
  method: HttpMethod;
  path: string;
  summary: string;
  /** Longer prose for the OpenAPI document. */
  description?: string;
  tag: string;
  params: z.ZodObject;
  query: z.ZodObject;
  body: z.ZodType | null;
  status: 200 | 201 | 202;
  response: z.ZodType;
  /** Mutations accept `Idempotency-Key`. */
  mutation: boolean;
  /** Whether `If-Match` (the resource's version as an ETag) is accepted or required. */
  ifMatch: 'none' | 'optional' | 'required';
  /** Whether the success response carries an `ETag` with the resource's version. */
  etag: boolean;
  /** Problem statuses this operation may answer with, besides the cross-cutting ones. */
  problems: number[];
  auth: boolean;
}

function read<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(spec: {
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params: P;
  query?: Q;
  response: R;
  etag?: boolean;
  problems?: number[];
  auth?: boolean;
}) {
  return {
    method: 'get' as const,
    path: spec.path,
    summary: spec.summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    tag: spec.tag,
    params: spec.params,
    query: (spec.query ?? NoParams) as Q extends z.ZodObject ? Q : typeof NoParams,
    body: null,
    status: 200 as const,
    response: spec.response,
    mutation: false as const,
    ifMatch: 'none' as const,
    etag: spec.etag ?? false,
    problems: spec.problems ?? [],
    auth: spec.auth ?? true,
  };
}

function mutate<P extends z.ZodObject, B extends z.ZodType | null, R extends z.ZodType>(spec: {
  method: 'post' | 'put' | 'patch';
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params: P;
  body: B;
  status: 200 | 201 | 202;
  response: R;
  ifMatch: 'none' | 'optional' | 'required';
  etag: boolean;
  problems: number[];
}) {
  return { ...spec, query: NoParams, mutation: true as const, auth: true };
}

export const operations = {
  getHealth: read({
    path: '/v1/health',
    summary: 'Liveness check; needs no token',
    tag: 'platform',
    params: NoParams,
    response: Health,
    auth: false,
  }),
  getOperator: read({
    path: '/v1/operator',
    summary: 'The operator and its configuration (e.g. autoMainNumber)',
    tag: 'platform',
    params: NoParams,
    response: Operator,
  }),
  listSites: read({
    path: '/v1/sites',
    summary: 'Sites of the operator',
    tag: 'sites',
    params: NoParams,
    query: PageQuery,
    response: SiteSummaryPage,
  }),
  getSite: read({
    path: '/v1/sites/{siteId}',
    summary: 'A site: region, floors, spaces, switches and the switch-port role catalogue',
    tag: 'sites',
    params: SiteParams,
    response: Site,
    problems: [404],
  }),
  listOccupiers: read({
    path: '/v1/sites/{siteId}/occupiers',
    summary: 'Occupiers at a site',
    tag: 'occupiers',
    params: SiteParams,
    query: PageQuery,
    response: OccupierPage,
    problems: [404],
  }),
  listFloorPorts: read({
    path: '/v1/sites/{siteId}/floor-ports',
    summary: 'Floor ports of a site, each patched to a switch interface',
    tag: 'floorPorts',
    params: SiteParams,
    query: PageQuery,
    response: FloorPortPage,
    problems: [404],
  }),
  getFloorPort: read({
    path: '/v1/floor-ports/{floorPortId}',
    summary: 'One floor port; its ETag is its version',
    tag: 'floorPorts',
    params: FloorPortParams,
    response: FloorPort,
    etag: true,
    problems: [404],
  }),
  listVoiceServices: read({
    path: '/v1/sites/{siteId}/voice-services',
    summary: 'Voice services at a site, optionally of one occupier',
    tag: 'voiceServices',
    params: SiteParams,
    query: OccupierFilterQuery,
    response: VoiceServicePage,
    problems: [404],
  }),
  getVoiceService: read({
    path: '/v1/voice-services/{serviceId}',
    summary: 'One voice service; its ETag is its version',
    tag: 'voiceServices',
    params: ServiceParams,
    response: VoiceService,
    etag: true,
    problems: [404],
  }),
  listNumbers: read({
    path: '/v1/sites/{siteId}/numbers',
    summary: 'Phone numbers at a site, filtered by occupier and state',
    tag: 'numbers',
    params: SiteParams,
    query: NumberListQuery,
    response: PhoneNumberPage,
    problems: [404],
  }),
  getNumber: read({
    path: '/v1/sites/{siteId}/numbers/{e164}',
    summary: 'One phone number; its ETag is its version',
    tag: 'numbers',
    params: NumberParams,
    response: PhoneNumber,
    etag: true,
    problems: [404],
  }),
  listHandsetModels: read({
    path: '/v1/handset-models',
    summary: 'The device-model catalogue: login method and keypad steps',
    tag: 'handsets',
    params: NoParams,
    query: PageQuery,
    response: HandsetModelPage,
  }),
  listHandsets: read({
    path: '/v1/sites/{siteId}/handsets',
    summary: 'Handsets at a site, optionally of one occupier',
    tag: 'handsets',
    params: SiteParams,
    query: OccupierFilterQuery,
    response: HandsetPage,
    problems: [404],
  }),
  getHandset: read({
    path: '/v1/handsets/{handsetId}',
    summary: 'One handset; its ETag is its version',
    tag: 'handsets',
    params: HandsetParams,
    response: Handset,
    etag: true,
    problems: [404],
  }),
  getHandsetRegistration: read({
    path: '/v1/handsets/{handsetId}/registration',
    summary: "A handset's registration state and the number logged in to it",
    tag: 'handsets',
    params: HandsetParams,
    response: HandsetRegistration,
    problems: [404],
  }),
  getSiteSnapshot: read({
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/snapshot',
    summary:
      'Everything a job for one occupier needs, in one response, with a version (also the ETag)',
    tag: 'jobs',
    params: OccupierParams,
    response: SiteSnapshot,
    etag: true,
    problems: [404],
  }),
  addVoiceService: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/voice-services',
    summary:
      'Add a voice service; the first one for an occupier at a site runs the automatic allocation and activation',
    tag: 'voiceServices',
    params: OccupierParams,
    body: QuantityRequest,
    status: 201,
    response: AddVoiceServiceResult,
    ifMatch: 'none',
    etag: false,
    problems: [404, 409],
  }),
  changeVoiceServiceQuantity: mutate({
    method: 'patch',
    path: '/v1/voice-services/{serviceId}',
    summary: "Change a service's quantity (an upgrade: nothing is allocated or activated)",
    tag: 'voiceServices',
    params: ServiceParams,
    body: QuantityRequest,
    status: 200,
    response: VoiceService,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  allocateNumbers: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/numbers/allocate',
    summary:
      'Allocate (reserve) numbers: a count from the pool, or the given pool numbers; all or none',
    tag: 'numbers',
    params: OccupierParams,
    body: AllocateRequest,
    status: 200,
    response: NumbersResult,
    ifMatch: 'none',
    etag: false,
    problems: [404, 409],
  }),
  activateNumber: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/numbers/{e164}/activate',
    summary: 'Activate a RESERVED number while the occupier has voice services left to cover it',
    tag: 'numbers',
    params: NumberParams,
    body: null,
    status: 200,
    response: PhoneNumber,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  deactivateNumber: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/numbers/{e164}/deactivate',
    summary: 'Deactivate an ACTIVE number that is not logged in to a handset (back to RESERVED)',
    tag: 'numbers',
    params: NumberParams,
    body: null,
    status: 200,
    response: PhoneNumber,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  releaseNumber: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/numbers/{e164}/release',
    summary: 'Release a RESERVED number from its occupier; it goes to COOLDOWN',
    tag: 'numbers',
    params: NumberParams,
    body: null,
    status: 200,
    response: PhoneNumber,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  nominateMainNumber: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/numbers/{e164}/nominate-main',
    summary: "Nominate an occupier's number as its main number (replacing any previous one)",
    tag: 'numbers',
    params: NumberParams,
    body: null,
    status: 200,
    response: PhoneNumber,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  addPortedNumbers: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/numbers/ported',
    summary: 'Add ported-in numbers to an occupier (only local and national numbers); all or none',
    tag: 'numbers',
    params: OccupierParams,
    body: PortedNumbersRequest,
    status: 201,
    response: NumbersResult,
    ifMatch: 'none',
    etag: false,
    problems: [404, 409, 422],
  }),
  addCustomRange: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/numbers/custom-range',
    summary:
      'Assign a consecutive custom range to an occupier (only local and national numbers); all or none',
    tag: 'numbers',
    params: OccupierParams,
    body: CustomRangeRequest,
    status: 201,
    response: NumbersResult,
    ifMatch: 'none',
    etag: false,
    problems: [404, 409, 422],
  }),
  setFloorPortRole: mutate({
    method: 'put',
    path: '/v1/floor-ports/{floorPortId}/role',
    summary: "Set a floor port's switch-port role from the site's catalogue (If-Match required)",
    tag: 'floorPorts',
    params: FloorPortParams,
    body: SetFloorPortRoleRequest,
    status: 200,
    response: FloorPort,
    ifMatch: 'required',
    etag: true,
    problems: [404, 422],
  }),
  registerHandset: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/handsets',
    summary: 'Register a handset (MAC, model, occupier, floor port)',
    tag: 'handsets',
    params: SiteParams,
    body: RegisterHandsetRequest,
    status: 201,
    response: Handset,
    ifMatch: 'none',
    etag: true,
    problems: [404, 409, 422],
  }),
  remoteLogin: mutate({
    method: 'post',
    path: '/v1/handsets/{handsetId}/login',
    summary:
      'Log an ACTIVE number in to a handset remotely; it registers shortly after (refused for manual-login models)',
    tag: 'handsets',
    params: HandsetParams,
    body: RemoteLoginRequest,
    status: 202,
    response: Handset,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  remoteLogout: mutate({
    method: 'post',
    path: '/v1/handsets/{handsetId}/logout',
    summary: 'Log a handset out remotely (refused for manual-login models)',
    tag: 'handsets',
    params: HandsetParams,
    body: null,
    status: 200,
    response: Handset,
    ifMatch: 'optional',
    etag: true,
    problems: [404, 409],
  }),
  placeTestCall: mutate({
    method: 'post',
    path: '/v1/sites/{siteId}/numbers/{e164}/test-call',
    summary: 'Place a test call to an active number (the ring test)',
    description:
      'The platform calls the number at once. The answer says which handsets rang and the floor port each is on, or why none did (not logged in, not registered). Send an Idempotency-Key: a retried request returns the first call, never a second one. The `reference` finds the call again with listTestCalls.',
    tag: 'ringTest',
    params: NumberParams,
    body: PlaceTestCallRequest,
    status: 201,
    response: TestCall,
    ifMatch: 'none',
    etag: false,
    problems: [404, 409],
  }),
  listTestCalls: read({
    path: '/v1/sites/{siteId}/numbers/{e164}/test-calls',
    summary: 'Test calls placed to a number, newest first, optionally by reference',
    description:
      'How a caller reads the outcome of a test call it queued while offline: filter by the reference it sent with placeTestCall.',
    tag: 'ringTest',
    params: NumberParams,
    query: PageQuery.extend(TestCallQuery.shape),
    response: TestCallPage,
    problems: [404],
  }),
  getTestCall: read({
    path: '/v1/test-calls/{testCallId}',
    summary: 'One test call and its outcome',
    description: 'The outcome of a test call: which handsets rang, on which floor ports.',
    tag: 'ringTest',
    params: TestCallParams,
    response: TestCall,
    problems: [404],
  }),
  getInstallationRecord: read({
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/installation-records/{jobId}',
    summary: "A job's installation record; its ETag is its version",
    description:
      'What the engineer did on site for one job: each checklist step with who and when, exceptions with their reasons, ring-test outcomes and the sign-off.',
    tag: 'installation',
    params: InstallationRecordParams,
    response: InstallationRecord,
    etag: true,
    problems: [404],
  }),
  putInstallationRecord: mutate({
    method: 'put',
    path: '/v1/sites/{siteId}/occupiers/{occupierId}/installation-records/{jobId}',
    summary: "Write a job's installation record (the whole record; created on first write)",
    description:
      'Replaces the record with the body. The version moves on only when the content changes, so the same record sent twice (a retry) changes nothing. If-Match is optional.',
    tag: 'installation',
    params: InstallationRecordParams,
    body: InstallationRecordBody,
    status: 200,
    response: InstallationRecord,
    ifMatch: 'optional',
    etag: true,
    problems: [404],
  }),
} as const satisfies Record<string, OperationSpec>;

export type Operations = typeof operations;
export type OperationId = keyof Operations;
export const operationIds = Object.keys(operations) as OperationId[];
/** The operations that change something (and accept an Idempotency-Key). */
export type MutationId = {
  [K in OperationId]: Operations[K]['mutation'] extends true ? K : never;
}[OperationId];

type BodyOf<B> = B extends z.ZodType ? z.output<B> : undefined;
type BodyInputOf<B> = B extends z.ZodType ? z.input<B> : undefined;

/** What the simulator's handler of an operation receives, after validation. */
export interface OperationInput<K extends OperationId> {
  params: z.output<Operations[K]['params']>;
  query: z.output<Operations[K]['query']>;
  body: BodyOf<Operations[K]['body']>;
  /** The version from `If-Match`, or null when none was sent (or `*`). */
  ifMatch: number | null;
}

/** What a caller passes for an operation, before validation. */
export interface OperationRequest<K extends OperationId> {
  params: z.input<Operations[K]['params']>;
  query?: z.input<Operations[K]['query']>;
  body: BodyInputOf<Operations[K]['body']>;
}

export type OperationOutput<K extends OperationId> = z.output<Operations[K]['response']>;

/** Problem codes the platform answers with; clients see them as `PLATFORM_<code>`. */
export const PROBLEM_CODES = [
  'UNAUTHENTICATED',
  'INVALID_REQUEST',
  'INVALID_LIMIT',
  'INVALID_CURSOR',
  'NOT_FOUND',
  'SITE_NOT_FOUND',
  'OCCUPIER_NOT_FOUND',
  'NUMBER_NOT_FOUND',
  'VOICE_SERVICE_NOT_FOUND',
  'FLOOR_PORT_NOT_FOUND',
  'HANDSET_NOT_FOUND',
  'HANDSET_MODEL_UNKNOWN',
  'ROLE_UNKNOWN',
  'POOL_EXHAUSTED',
  'NUMBER_UNAVAILABLE',
  'NUMBER_NOT_ALLOCATED',
  'NUMBER_NOT_RESERVED',
  'NUMBER_NOT_ACTIVE',
  'NUMBER_LOGGED_IN',
  'NUMBER_WRONG_OCCUPIER',
  'NUMBER_NOT_ALLOWED',
  'NUMBER_EXISTS',
  'NO_VOICE_SERVICE',
  'NO_VOICE_SERVICE_LEFT',
  'QUANTITY_BELOW_ACTIVE',
  'MAIN_NUMBER_NOT_LOGGABLE',
  'HANDSET_EXISTS',
  'HANDSET_NOT_LOGGED_IN',
  'REMOTE_LOGIN_UNSUPPORTED',
  'KEYPAD_LOGIN_REFUSED',
  'TEST_CALL_NOT_FOUND',
  'INSTALLATION_RECORD_NOT_FOUND',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_IDEMPOTENCY_KEY',
  'INVALID_IF_MATCH',
  'PRECONDITION_REQUIRED',
  'VERSION_MISMATCH',
  'RATE_LIMITED',
  'INJECTED_FAULT',
  'INTERNAL',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** ETags are the resource's version, quoted: version 3 is `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Parses an `If-Match` value: a version, `null` for `*`, or `undefined` when unreadable. */
export function parseIfMatch(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return null;
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(trimmed);
  return match ? Number(match[1]) : undefined;
}

/** Fills an operation's path template: `/v1/sites/{siteId}` with `{siteId: 'a b'}` → `/v1/sites/a%20b`. */
export function pathOf(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
