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
  type OperationId,
  type OperationSpec,
} from './contract';
import {
  OPERATION_DESCRIPTIONS,
  PARAMETER_DESCRIPTIONS,
  TAG_DESCRIPTIONS,
} from './openapi-descriptions';
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

function parameterSchemas(
  operationId: string,
  shape: z.ZodObject,
  location: 'path' | 'query',
): JsonObject[] {
  return Object.entries(shape.shape).map(([name, schema]) => {
    const json = stripSchemaIds(z.toJSONSchema(schema as z.ZodType, { io: 'input' }) as JsonObject);
    const description = PARAMETER_DESCRIPTIONS[name];
    if (description === undefined)
      throw new Error(
        `${operationId}: parameter ${name} has no description; add it to PARAMETER_DESCRIPTIONS in openapi-descriptions.ts`,
      );
    return {
      name,
      in: location,
      description,
      required: location === 'path' || !(schema as z.ZodType).safeParse(undefined).success,
      schema: json,
    };
  });
}

/**
 * What an operation does, required of every operation: from contract.ts, else from
 * openapi-descriptions.ts. For a write, how a retry and a stale version are answered follows
 * from its flags, so every write says it the same way.
 */
function operationDescription(operationId: string, spec: OperationSpec): string {
  const what = spec.description ?? OPERATION_DESCRIPTIONS[operationId as OperationId];
  if (what === undefined)
    throw new Error(
      `${operationId} has no description: give it one in contract.ts (description) or in openapi-descriptions.ts`,
    );
  const notes: string[] = [];
  if (spec.mutation)
    notes.push(
      'Idempotent with an `Idempotency-Key`: the same key and body again return the first result with no second effect; the same key with another body is refused (422 IDEMPOTENCY_KEY_REUSED).',
    );
  if (spec.ifMatch === 'required')
    notes.push(
      "Needs `If-Match` with the version from the resource's ETag: 428 without it, 412 when that version is no longer current.",
    );
  if (spec.ifMatch === 'optional')
    notes.push(
      "With `If-Match` (the version from the resource's ETag) the change applies only to that version, else 412; without it, to the current one.",
    );
  return [what, ...notes].join('\n\n');
}

/** The tags the operations use, in first-use order. */
function usedTags(specs: Record<string, OperationSpec>): string[] {
  return [...new Set(Object.values(specs).map((spec) => spec.tag))];
}

/** The document for the contract's operations (or others, to test the generator's rules). */
export function buildOpenApiDocument(
  specs: Record<string, OperationSpec> = operations,
): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  for (const [operationId, spec] of Object.entries(specs)) {
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
  for (const [operationId, spec] of Object.entries(specs)) {
    const parameters: JsonObject[] = [
      ...parameterSchemas(operationId, spec.params, 'path'),
      ...parameterSchemas(operationId, spec.query, 'query'),
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
      description: operationDescription(operationId, spec),
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
    if (TAG_DESCRIPTIONS[spec.tag] === undefined)
      throw new Error(
        `${operationId}: tag ${spec.tag} has no description; add it to TAG_DESCRIPTIONS in openapi-descriptions.ts`,
      );
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
      contact: { name: 'Dialtone maintainers' },
      license: {
        name: 'Proprietary (UNLICENSED): not for redistribution',
        identifier: 'LicenseRef-Proprietary',
      },
    },
    servers: [
      {
        url: '{baseUrl}',
        description:
          "The platform's API address, as set in Dialtone's Settings; `dialtone platform serve` prints the simulator's.",
        variables: {
          baseUrl: {
            default: 'http://127.0.0.1:8787',
            description:
              'Scheme, host and port of the platform API, without a trailing slash. The default is the simulator started with `dialtone platform serve --port 8787`.',
          },
        },
      },
    ],
    security: [{ bearer: [] }],
    tags: usedTags(specs).map((name) => ({ name, description: TAG_DESCRIPTIONS[name] })),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas,
    },
    paths,
  };
}
