import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createHttpTransport, type HttpTransport } from '../../../platform/http-transport';
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
  /** The platform client's own transport, validating every answer the same way. */
  transport: HttpTransport;
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

  /** Records whether one answer matches its documented operation, status and schema. */
  function check(
    method: string,
    pathname: string,
    status: number,
    contentTypeHeader: string | null,
    text: string,
  ): void {
    if (pathname.startsWith('/_admin/')) return;
    const where = `${method} ${pathname} → ${status}`;
    const operation = operations.find((o) => o.method === method && o.pattern.test(pathname));
    if (!operation) {
      violations.push(`${where}: no such operation in the document`);
      return;
    }
    seen.add(`${operation.operationId} ${status}`);
    const documented = operation.responses[String(status)];
    if (!documented) {
      violations.push(`${where}: status not documented for ${operation.operationId}`);
      return;
    }
    const contentType = (contentTypeHeader ?? '').split(';')[0]?.trim() ?? '';
    const media = documented.content?.[contentType];
    if (!media) {
      violations.push(`${where}: content type ${contentType || '(none)'} not documented`);
      return;
    }
    const body: unknown = JSON.parse(text);
    const validate = validatorFor((media.schema as { $ref: string }).$ref.replace(/^#/, '#'));
    if (!validate(body))
      violations.push(
        `${where}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`,
      );
  }

  const checkingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const method = (init?.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/_admin/')) return response;
    const text = await response.clone().text();
    check(method, url.pathname, response.status, response.headers.get('content-type'), text);
    return response;
  };

  const productTransport = createHttpTransport();
  const checkingTransport: HttpTransport = async (request) => {
    const answer = await productTransport(request);
    const { pathname } = new URL(request.url);
    check(request.method, pathname, answer.status, answer.header('content-type'), answer.text);
    return answer;
  };

  return {
    fetch: checkingFetch,
    transport: checkingTransport,
    violations,
    seen,
    operationIds: operations.map((o) => o.operationId),
  };
}
