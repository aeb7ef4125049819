import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../../../../shared/platform/openapi';

interface DocumentedOperation {
  operationId: string;
  method: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export interface ContractChecker {
  /** A `fetch` that validates every answer against the OpenAPI document. */
  fetch: typeof fetch;
  /** Every answer that broke the document, described. */
  violations: string[];
  /** `operationId status` of every answer seen. */
  seen: Set<string>;
  /** Every operationId the document has. */
  operationIds: string[];
}

function compileOperations(
  document: ReturnType<typeof buildOpenApiDocument>,
): DocumentedOperation[] {
  const paths = document.paths as Record<string, Record<string, DocumentedOperation>>;
  return Object.entries(paths).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      operationId: operation.operationId,
      method: method.toUpperCase(),
      pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
      responses: operation.responses,
    })),
  );
}

/**
 * Checks the simulator against the document from the outside: each answer is matched to its
 * documented operation and status and validated with ajv against that response's schema.
 */
export function createContractChecker(): ContractChecker {
  const document = buildOpenApiDocument();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://dialtone.local/openapi', components: document.components });
  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string): ValidateFunction => {
    let validate = validators.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: `https://dialtone.local/openapi${ref}` });
      validators.set(ref, validate);
    }
    return validate;
  };
  const operations = compileOperations(document);
  const violations: string[] = [];
  const seen = new Set<string>();

  const checkingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/_admin/')) return response;
    const where = `${method} ${url.pathname} → ${response.status}`;
    const operation = operations.find((o) => o.method === method && o.pattern.test(url.pathname));
    if (!operation) {
      violations.push(`${where}: no such operation in the document`);
      return response;
    }
    seen.add(`${operation.operationId} ${response.status}`);
    const documented = operation.responses[String(response.status)];
    if (!documented) {
      violations.push(`${where}: status not documented for ${operation.operationId}`);
      return response;
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const media = documented.content?.[contentType];
    if (!media) {
      violations.push(`${where}: content type ${contentType || '(none)'} not documented`);
      return response;
    }
    const body: unknown = JSON.parse(await response.clone().text());
    const validate = validatorFor((media.schema as { $ref: string }).$ref.replace(/^#/, '#'));
    if (!validate(body))
      violations.push(
        `${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`,
      );
    return response;
  };

  return {
    fetch: checkingFetch,
    violations,
    seen,
    operationIds: operations.map((o) => o.operationId),
  };
}
