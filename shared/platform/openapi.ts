import { z } from 'zod';
import {
  AddVoiceServiceResult,
  AllocateRequest,
  AutomationOutcome,
  CustomRangeRequest,
  FloorPortPage,
  HandsetModelPage,
  HandsetPage,
  HandsetRegistration,
  Health,
  NumbersResult,
  OccupierPage,
  operations,
  PhoneNumberPage,
  PortedNumbersRequest,
  Problem,
  QuantityRequest,
  RegisterHandsetRequest,
  RemoteLoginRequest,
  SetFloorPortRoleRequest,
  SiteSummaryPage,
  VoiceServicePage,
  type OperationSpec,
} from './contract';
import {
  ConsoleSettings,
  Floor,
  FloorPort,
  FloorPortAllocation,
  Handset,
  HandsetModel,
  Occupier,
  Operator,
  PhoneNumber,
  PortRole,
  Site,
  SiteSummary,
  Space,
  SwitchInfo,
  VoiceService,
} from './schemas';
import { SiteSnapshot } from './snapshot';
import {
  InstallationException,
  InstallationRecord,
  InstallationRecordBody,
  InstallationRingTest,
  InstallationSignOff,
  InstallationStep,
  PlaceTestCallRequest,
  RangHandset,
  TestCall,
} from './installation';

/**
 * Generates the OpenAPI 3.1 document from the contract's zod schemas, so the document,
 * the simulator and the client cannot drift apart. `openapi.json` beside this file is its
 * committed output: a test keeps the two equal; regenerate it with
 * `npx dialtone platform openapi --out shared/platform/openapi.json && npx prettier --write shared/platform/openapi.json`.
 */

type JsonObject = Record<string, unknown>;

const CROSS_CUTTING_PROBLEMS: Record<number, string> = {
  400: 'The request is malformed (code INVALID_REQUEST and friends).',
  401: 'No valid bearer token (code UNAUTHENTICATED).',
  404: 'A named resource does not exist.',
  409: 'The request conflicts with the current state (the code says which rule).',
  412: 'If-Match names a version that is no longer current (code VERSION_MISMATCH).',
  422: 'The request is understood but refused (e.g. IDEMPOTENCY_KEY_REUSED, NUMBER_NOT_ALLOWED).',
  428: 'This operation needs If-Match (code PRECONDITION_REQUIRED).',
  429: 'Too many requests; retry after Retry-After seconds (code RATE_LIMITED).',
  500: 'The platform failed (code INTERNAL).',
};

/** Resources that get a component of their own name (and a $ref wherever they appear). */
const NAMED_SCHEMAS: Record<string, z.ZodType> = {
  Problem,
  Operator,
  Site,
  SiteSummary,
  Floor,
  Space,
  SwitchInfo,
  ConsoleSettings,
  PortRole,
  FloorPort,
  FloorPortAllocation,
  Occupier,
  VoiceService,
  PhoneNumber,
  HandsetModel,
  Handset,
  HandsetRegistration,
  AutomationOutcome,
  AddVoiceServiceResult,
  NumbersResult,
  SiteSnapshot,
  Health,
  SiteSummaryPage,
  OccupierPage,
  FloorPortPage,
  VoiceServicePage,
  PhoneNumberPage,
  HandsetModelPage,
  HandsetPage,
  QuantityRequest,
  AllocateRequest,
  PortedNumbersRequest,
  CustomRangeRequest,
  SetFloorPortRoleRequest,
  RegisterHandsetRequest,
  RemoteLoginRequest,
  TestCall,
  RangHandset,
  PlaceTestCallRequest,
  InstallationRecord,
  InstallationRecordBody,
  InstallationStep,
  InstallationException,
  InstallationRingTest,
  InstallationSignOff,
};

function componentName(operationId: string, part: 'Request' | 'Response'): string {
  return `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}${part}`;
}

function stripSchemaIds(schema: JsonObject): JsonObject {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

function problemStatuses(spec: OperationSpec): number[] {
  const statuses = new Set<number>([...spec.problems, 429, 500]);
  if (spec.auth) statuses.add(401);
  const hasInput =
    Object.keys(spec.params.shape).length > 0 ||
    Object.keys(spec.query.shape).length > 0 ||
    spec.body !== null;
  if (hasInput) statuses.add(400);
  if (spec.mutation) statuses.add(422);
  if (spec.ifMatch !== 'none') statuses.add(412);
  if (spec.ifMatch === 'required') statuses.add(428);
  return [...statuses].sort((a, b) => a - b);
}

function parameterSchemas(shape: z.ZodObject, location: 'path' | 'query'): JsonObject[] {
  return Object.entries(shape.shape).map(([name, schema]) => {
    const json = stripSchemaIds(z.toJSONSchema(schema as z.ZodType, { io: 'input' }) as JsonObject);
    return {
      name,
      in: location,
      required: location === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
      schema: json,
    };
  });
}

export function buildOpenApiDocument(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  for (const [operationId, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    if (!registry.has(spec.response))
      registry.add(spec.response, { id: componentName(operationId, 'Response') });
    if (spec.body !== null && !registry.has(spec.body))
      registry.add(spec.body, { id: componentName(operationId, 'Request') });
  }
  const converted = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  const schemas = Object.fromEntries(
    Object.entries(converted.schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, schema]) => [id, stripSchemaIds(schema)]),
  );
  const ref = (schema: z.ZodType) => ({
    $ref: `#/components/schemas/${registry.get(schema)?.id ?? 'missing'}`,
  });

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [operationId, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    const parameters: JsonObject[] = [
      ...parameterSchemas(spec.params, 'path'),
      ...parameterSchemas(spec.query, 'query'),
    ];
    if (spec.mutation)
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Same key and body: the first result again, no second effect. Same key, other body: 422.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    if (spec.ifMatch !== 'none')
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: spec.ifMatch === 'required',
        description: 'The version the change is based on, as the ETag gave it (e.g. "3").',
        schema: { type: 'string' },
      });

    const successHeaders: JsonObject = {};
    if (spec.etag)
      successHeaders.ETag = {
        description: "The resource's version, quoted",
        schema: { type: 'string' },
      };
    const responses: JsonObject = {
      [String(spec.status)]: {
        description: spec.summary,
        ...(spec.etag ? { headers: successHeaders } : {}),
        content: { 'application/json': { schema: ref(spec.response) } },
      },
    };
    for (const status of problemStatuses(spec)) {
      responses[String(status)] = {
        description: CROSS_CUTTING_PROBLEMS[status] ?? 'Problem',
        ...(status === 429
          ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 0 } } } }
          : {}),
        content: { 'application/problem+json': { schema: ref(Problem) } },
      };
    }

    const operation: JsonObject = {
      operationId,
      summary: spec.summary,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      tags: [spec.tag],
      ...(spec.auth ? {} : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(spec.body === null
        ? {}
        : {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(spec.body) } },
            },
          }),
      responses,
    };
    paths[spec.path] ??= {};
    paths[spec.path]![spec.method] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Operator platform API (as Dialtone uses it)',
      version: '1.0.0',
      description:
        'Generated from shared/platform/contract.ts. Errors are RFC 9457 problems with a machine `code`.',
    },
    servers: [{ url: 'http://127.0.0.1:0', description: 'the platform simulator (any port)' }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas,
    },
    paths,
  };
}
