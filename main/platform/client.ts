import type { z } from 'zod';
import { CodedError } from '../../shared/errors';
import {
  operations,
  parseIfMatch,
  pathOf,
  type AddVoiceServiceResult,
  type AllocateRequest,
  type HandsetRegistration,
  type NumbersResult,
  type OperationId,
  type OperationOutput,
  type OperationRequest,
  type OperationSpec,
} from '../../shared/platform/contract';
import type {
  FloorPort,
  Handset,
  HandsetModel,
  NumberState,
  Occupier,
  Operator,
  PhoneNumber,
  Site,
  SiteSummary,
  VoiceService,
} from '../../shared/platform/schemas';
import type { SiteSnapshot } from '../../shared/platform/snapshot';
import type {
  InstallationRecord,
  InstallationRecordBody,
  TestCall,
} from '../../shared/platform/installation';
import {
  createHttpTransport,
  type HttpAnswer,
  type HttpRequest,
  type HttpTransport,
} from './http-transport';
import {
  networkFailure,
  PLATFORM_ERROR_CODES,
  problemFailure,
  type PlatformErrorDetail,
} from './platform-errors';

export interface PlatformClientOptions {
  baseUrl: string;
  token: string;
  /** Per-request timeout; a platform that does not answer in time is reported as PLATFORM_TIMEOUT. */
  timeoutMs?: number;
  /** How requests reach the platform (tests wrap it to check answers); node:http(s) otherwise. */
  transport?: HttpTransport;
}

/** Every mutation carries an idempotency key; `ifMatch` is the version the change is based on. */
export interface MutationOptions {
  idempotencyKey: string;
  ifMatch?: number;
}

export type CallOptions = { idempotencyKey?: string; ifMatch?: number };

/** The full answer of one call, for callers that need the ETag or whether it was a replay. */
export interface CallResult<K extends OperationId> {
  data: OperationOutput<K>;
  status: number;
  /** The version from the `ETag` header, when the operation sends one. */
  etag: number | null;
  /** The platform answered from its idempotency store (the change was made before). */
  replayed: boolean;
}

export interface RegisterHandsetInput {
  mac: string;
  modelId: string;
  occupierId: string | null;
  floorPortId: string | null;
}

export interface PlatformClient {
  readonly baseUrl: string;
  /** Any contract operation, typed from the contract. */
  call<K extends OperationId>(
    operationId: K,
    request: OperationRequest<K>,
    options?: CallOptions,
  ): Promise<CallResult<K>>;

  /**
   * A mutation whose answer is needed only for the version it produced (sync's): the body
   * is checked for a version (at `at`, e.g. `voiceService`, when nested), not parsed whole
   * with the contract's schema. Failures as `call`'s.
   */
  callForVersion<K extends OperationId>(
    operationId: K,
    request: OperationRequest<K>,
    options: CallOptions,
    at?: string,
  ): Promise<number>;

  health(): Promise<boolean>;
  /** Null when the platform answers its health check; else why not, in sentences for the engineer. */
  healthProblem(): Promise<string | null>;
  getOperator(): Promise<Operator>;
  listSites(): Promise<SiteSummary[]>;
  getSite(siteId: string): Promise<Site>;
  listOccupiers(siteId: string): Promise<Occupier[]>;
  listFloorPorts(siteId: string): Promise<FloorPort[]>;
  getFloorPort(floorPortId: string): Promise<FloorPort>;
  listVoiceServices(siteId: string, filter?: { occupierId?: string }): Promise<VoiceService[]>;
  getVoiceService(serviceId: string): Promise<VoiceService>;
  listNumbers(
    siteId: string,
    filter?: { occupierId?: string; state?: NumberState },
  ): Promise<PhoneNumber[]>;
  getNumber(siteId: string, e164: string): Promise<PhoneNumber>;
  listHandsetModels(): Promise<HandsetModel[]>;
  listHandsets(siteId: string, filter?: { occupierId?: string }): Promise<Handset[]>;
  getHandset(handsetId: string): Promise<Handset>;
  getHandsetRegistration(handsetId: string): Promise<HandsetRegistration>;
  getSiteSnapshot(siteId: string, occupierId: string): Promise<SiteSnapshot>;

  addVoiceService(
    siteId: string,
    occupierId: string,
    quantity: number,
    options: MutationOptions,
  ): Promise<AddVoiceServiceResult>;
  changeVoiceServiceQuantity(
    serviceId: string,
    quantity: number,
    options: MutationOptions,
  ): Promise<VoiceService>;
  allocateNumbers(
    siteId: string,
    occupierId: string,
    request: AllocateRequest,
    options: MutationOptions,
  ): Promise<PhoneNumber[]>;
  activateNumber(siteId: string, e164: string, options: MutationOptions): Promise<PhoneNumber>;
  deactivateNumber(siteId: string, e164: string, options: MutationOptions): Promise<PhoneNumber>;
  releaseNumber(siteId: string, e164: string, options: MutationOptions): Promise<PhoneNumber>;
  nominateMainNumber(siteId: string, e164: string, options: MutationOptions): Promise<PhoneNumber>;
  addPortedNumbers(
    siteId: string,
    occupierId: string,
    numbers: string[],
    options: MutationOptions,
  ): Promise<PhoneNumber[]>;
  addCustomRange(
    siteId: string,
    occupierId: string,
    range: { first: string; count: number },
    options: MutationOptions,
  ): Promise<PhoneNumber[]>;
  setFloorPortRole(
    floorPortId: string,
    roleId: string,
    options: MutationOptions & { ifMatch: number },
  ): Promise<FloorPort>;
  registerHandset(
    siteId: string,
    input: RegisterHandsetInput,
    options: MutationOptions,
  ): Promise<Handset>;
  remoteLogin(handsetId: string, e164: string, options: MutationOptions): Promise<Handset>;
  remoteLogout(handsetId: string, options: MutationOptions): Promise<Handset>;
  /** The ring test: the platform calls the number; `reference` finds the call again. */
  placeTestCall(
    siteId: string,
    e164: string,
    reference: string,
    options: MutationOptions,
  ): Promise<TestCall>;
  listTestCalls(siteId: string, e164: string, filter?: { reference?: string }): Promise<TestCall[]>;
  getTestCall(testCallId: string): Promise<TestCall>;
  getInstallationRecord(
    siteId: string,
    occupierId: string,
    jobId: string,
  ): Promise<InstallationRecord>;
  putInstallationRecord(
    key: { siteId: string; occupierId: string; jobId: string },
    record: InstallationRecordBody,
    options: MutationOptions,
  ): Promise<InstallationRecord>;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (query === undefined) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || '(root)'}`;
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const transport = options.transport ?? createHttpTransport();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const bearer = `Bearer ${options.token}`;

  /** Sends one operation; the answer's body parsed (undefined when not JSON), a non-2xx thrown. */
  async function send<K extends OperationId>(
    operationId: K,
    spec: OperationSpec,
    request: OperationRequest<K>,
    callOptions: CallOptions,
  ): Promise<{ answer: HttpAnswer; body: unknown }> {
    const path = `${pathOf(spec.path, request.params as Record<string, string>)}${queryString(
      request.query as Record<string, unknown> | undefined,
    )}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.auth) headers.authorization = bearer;
    if (callOptions.idempotencyKey !== undefined)
      headers['idempotency-key'] = callOptions.idempotencyKey;
    if (callOptions.ifMatch !== undefined) headers['if-match'] = `"${callOptions.ifMatch}"`;
    let body: string | undefined;
    if (spec.body !== null) {
      const checked = spec.body.safeParse(request.body);
      if (!checked.success)
        throw new CodedError(
          PLATFORM_ERROR_CODES.invalidRequest,
          `Dialtone built an invalid ${operationId} request: ${firstIssue(checked.error)}.`,
          { retryable: false, outcomeUnknown: false },
        );
      body = JSON.stringify(checked.data);
      headers['content-type'] = 'application/json';
    }

    const httpRequest: HttpRequest = {
      method: spec.method.toUpperCase(),
      url: `${baseUrl}${path}`,
      headers,
      timeoutMs,
    };
    if (body !== undefined) httpRequest.body = body;
    let answer: HttpAnswer;
    try {
      answer = await transport(httpRequest);
    } catch (error) {
      const failure = networkFailure(error, baseUrl, spec.mutation);
      // A connection dropped under the request is most often a stale keep-alive socket, not
      // a struggling platform: sent again at once, once, on a fresh connection. Safe for a
      // read, and for a mutation with its key (a change that did land is answered from the
      // platform's idempotency store). A second failure is the caller's to back off from.
      const droppedOnce = (failure.detail as PlatformErrorDetail).connectionDropped === true;
      if (!droppedOnce || (spec.mutation && callOptions.idempotencyKey === undefined))
        throw failure;
      httpRequest.freshConnection = true;
      try {
        answer = await transport(httpRequest);
      } catch (again) {
        throw networkFailure(again, baseUrl, spec.mutation);
      }
    }
    const { text } = answer;
    let parsedBody: unknown;
    try {
      parsedBody = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML error page, say): reported with the status below.
    }
    if (answer.status < 200 || answer.status > 299)
      throw problemFailure(answer.status, parsedBody, text, baseUrl, answer.header('retry-after'));
    return { answer, body: parsedBody };
  }

  async function call<K extends OperationId>(
    operationId: K,
    request: OperationRequest<K>,
    callOptions: CallOptions = {},
  ): Promise<CallResult<K>> {
    const spec: OperationSpec = operations[operationId];
    const { answer, body } = await send(operationId, spec, request, callOptions);
    const parsed = spec.response.safeParse(body);
    if (!parsed.success)
      throw new CodedError(
        PLATFORM_ERROR_CODES.badResponse,
        `The platform's answer to ${operationId} is not what Dialtone expects: ${firstIssue(parsed.error)}.`,
        { retryable: false, outcomeUnknown: spec.mutation },
      );
    const etagHeader = answer.header('etag');
    return {
      data: parsed.data as OperationOutput<K>,
      status: answer.status,
      etag: etagHeader === null ? null : (parseIfMatch(etagHeader) ?? null),
      replayed: answer.header('idempotent-replayed') === 'true',
    };
  }

  async function callForVersion<K extends OperationId>(
    operationId: K,
    request: OperationRequest<K>,
    callOptions: CallOptions,
    at?: string,
  ): Promise<number> {
    const spec: OperationSpec = operations[operationId];
    const { body } = await send(operationId, spec, request, callOptions);
    const holder = at === undefined ? body : (body as Record<string, unknown> | undefined)?.[at];
    const version = (holder as { version?: unknown } | null | undefined)?.version;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
      throw new CodedError(
        PLATFORM_ERROR_CODES.badResponse,
        `The platform's answer to ${operationId} is not what Dialtone expects: no version${at === undefined ? '' : ` at ${at}`}.`,
        { retryable: false, outcomeUnknown: spec.mutation },
      );
    return version;
  }

  const data = async <K extends OperationId>(
    operationId: K,
    request: OperationRequest<K>,
    callOptions?: CallOptions,
  ): Promise<OperationOutput<K>> => (await call(operationId, request, callOptions)).data;

  type PagedOperation =
    | 'listSites'
    | 'listOccupiers'
    | 'listFloorPorts'
    | 'listVoiceServices'
    | 'listNumbers'
    | 'listHandsetModels'
    | 'listHandsets'
    | 'listTestCalls';

  /** Follows `nextCursor` until the last page. */
  async function listAll<K extends PagedOperation>(
    operationId: K,
    request: OperationRequest<K>,
  ): Promise<OperationOutput<K>['items']> {
    const items: unknown[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, unknown> = {
        ...((request.query as Record<string, unknown> | undefined) ?? {}),
        ...(cursor === null ? {} : { cursor }),
      };
      const page: { items: unknown[]; nextCursor: string | null } = await data(operationId, {
        ...request,
        query,
      } as OperationRequest<K>);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items as OperationOutput<K>['items'];
  }

  const mutation = (o: MutationOptions): CallOptions => ({
    idempotencyKey: o.idempotencyKey,
    ...(o.ifMatch === undefined ? {} : { ifMatch: o.ifMatch }),
  });
  const noBody = { body: undefined } as const;
  async function healthProblem(): Promise<string | null> {
    try {
      await call('getHealth', { params: {}, ...noBody });
      return null;
    } catch (error) {
      return error instanceof Error && error.message
        ? error.message
        : 'The platform does not answer.';
    }
  }

  return {
    baseUrl,
    call,
    callForVersion,
    health: async () => (await healthProblem()) === null,
    healthProblem,
    getOperator: () => data('getOperator', { params: {}, ...noBody }),
    listSites: () => listAll('listSites', { params: {}, ...noBody }),
    getSite: (siteId) => data('getSite', { params: { siteId }, ...noBody }),
    listOccupiers: (siteId) => listAll('listOccupiers', { params: { siteId }, ...noBody }),
    listFloorPorts: (siteId) => listAll('listFloorPorts', { params: { siteId }, ...noBody }),
    getFloorPort: (floorPortId) => data('getFloorPort', { params: { floorPortId }, ...noBody }),
    listVoiceServices: (siteId, filter = {}) =>
      listAll('listVoiceServices', { params: { siteId }, query: filter, ...noBody }),
    getVoiceService: (serviceId) => data('getVoiceService', { params: { serviceId }, ...noBody }),
    listNumbers: (siteId, filter = {}) =>
      listAll('listNumbers', { params: { siteId }, query: filter, ...noBody }),
    getNumber: (siteId, e164) => data('getNumber', { params: { siteId, e164 }, ...noBody }),
    listHandsetModels: () => listAll('listHandsetModels', { params: {}, ...noBody }),
    listHandsets: (siteId, filter = {}) =>
      listAll('listHandsets', { params: { siteId }, query: filter, ...noBody }),
    getHandset: (handsetId) => data('getHandset', { params: { handsetId }, ...noBody }),
    getHandsetRegistration: (handsetId) =>
      data('getHandsetRegistration', { params: { handsetId }, ...noBody }),
    getSiteSnapshot: (siteId, occupierId) =>
      data('getSiteSnapshot', { params: { siteId, occupierId }, ...noBody }),

    addVoiceService: (siteId, occupierId, quantity, o) =>
      data('addVoiceService', { params: { siteId, occupierId }, body: { quantity } }, mutation(o)),
    changeVoiceServiceQuantity: (serviceId, quantity, o) =>
      data(
        'changeVoiceServiceQuantity',
        { params: { serviceId }, body: { quantity } },
        mutation(o),
      ),
    allocateNumbers: async (siteId, occupierId, request, o) =>
      (
        (await data(
          'allocateNumbers',
          { params: { siteId, occupierId }, body: request },
          mutation(o),
        )) as NumbersResult
      ).numbers,
    activateNumber: (siteId, e164, o) =>
      data('activateNumber', { params: { siteId, e164 }, ...noBody }, mutation(o)),
    deactivateNumber: (siteId, e164, o) =>
      data('deactivateNumber', { params: { siteId, e164 }, ...noBody }, mutation(o)),
    releaseNumber: (siteId, e164, o) =>
      data('releaseNumber', { params: { siteId, e164 }, ...noBody }, mutation(o)),
    nominateMainNumber: (siteId, e164, o) =>
      data('nominateMainNumber', { params: { siteId, e164 }, ...noBody }, mutation(o)),
    addPortedNumbers: async (siteId, occupierId, numbers, o) =>
      (
        await data(
          'addPortedNumbers',
          { params: { siteId, occupierId }, body: { numbers } },
          mutation(o),
        )
      ).numbers,
    addCustomRange: async (siteId, occupierId, range, o) =>
      (await data('addCustomRange', { params: { siteId, occupierId }, body: range }, mutation(o)))
        .numbers,
    setFloorPortRole: (floorPortId, roleId, o) =>
      data('setFloorPortRole', { params: { floorPortId }, body: { roleId } }, mutation(o)),
    registerHandset: (siteId, input, o) =>
      data('registerHandset', { params: { siteId }, body: input }, mutation(o)),
    remoteLogin: (handsetId, e164, o) =>
      data('remoteLogin', { params: { handsetId }, body: { e164 } }, mutation(o)),
    remoteLogout: (handsetId, o) =>
      data('remoteLogout', { params: { handsetId }, ...noBody }, mutation(o)),
    placeTestCall: (siteId, e164, reference, o) =>
      data('placeTestCall', { params: { siteId, e164 }, body: { reference } }, mutation(o)),
    listTestCalls: (siteId, e164, filter = {}) =>
      listAll('listTestCalls', { params: { siteId, e164 }, query: filter, ...noBody }),
    getTestCall: (testCallId) => data('getTestCall', { params: { testCallId }, ...noBody }),
    getInstallationRecord: (siteId, occupierId, jobId) =>
      data('getInstallationRecord', { params: { siteId, occupierId, jobId }, ...noBody }),
    putInstallationRecord: (key, record, o) =>
      data('putInstallationRecord', { params: key, body: record }, mutation(o)),
  };
}
