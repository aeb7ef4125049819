import type { z } from 'zod';
import { CodedError } from '../../shared/ipc/errors';
import {
  FloorPort,
  Occupier,
  Operator,
  Site,
  SiteSummary,
  pageOf,
} from '../../shared/platform/schemas';

export interface PlatformClientOptions {
  baseUrl: string;
  token: string;
  /** Per-request timeout; a platform that does not answer in time is treated as unreachable. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface PlatformClient {
  readonly baseUrl: string;
  health(): Promise<boolean>;
  getOperator(): Promise<Operator>;
  listSites(): Promise<SiteSummary[]>;
  getSite(siteId: string): Promise<Site>;
  listOccupiers(siteId: string): Promise<Occupier[]>;
  listFloorPorts(siteId: string): Promise<FloorPort[]>;
}

interface ProblemBody {
  code?: string;
  detail?: string;
  title?: string;
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function request<T extends z.ZodType>(path: string, schema: T): Promise<z.output<T>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CodedError(
        'PLATFORM_UNREACHABLE',
        `The platform at ${baseUrl} could not be reached (${reason}). Check the network, or work offline.`,
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON (a proxy's HTML error page, say): reported below with the status.
    }
    if (!response.ok) {
      const p = (body ?? {}) as ProblemBody;
      const code =
        response.status === 401
          ? 'PLATFORM_UNAUTHORIZED'
          : `PLATFORM_${p.code ?? `HTTP_${response.status}`}`;
      const message =
        response.status === 401
          ? `The platform at ${baseUrl} refused the API token. Check the token in Settings.`
          : `The platform answered ${response.status}: ${p.detail ?? p.title ?? (text.slice(0, 200) || 'no detail')}`;
      throw new CodedError(code, message, { status: response.status, problem: body });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new CodedError(
        'PLATFORM_BAD_RESPONSE',
        `The platform's answer to GET ${path} is not what Dialtone expects: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? '?'}.`,
      );
    }
    return parsed.data;
  }

  async function listAll<T extends z.ZodType>(path: string, item: T): Promise<z.output<T>[]> {
    const schema = pageOf(item);
    const items: z.output<T>[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`;
      const page: z.output<typeof schema> = await request(`${path}${query}`, schema);
      items.push(...(page.items as z.output<T>[]));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return items;
  }

  const site = (siteId: string) => `/v1/sites/${encodeURIComponent(siteId)}`;

  return {
    baseUrl,
    async health() {
      try {
        const response = await doFetch(`${baseUrl}/v1/health`, {
          signal: AbortSignal.timeout(timeoutMs),
        });
        return response.ok;
      } catch {
        return false;
      }
    },
    getOperator: () => request('/v1/operator', Operator),
    listSites: () => listAll('/v1/sites', SiteSummary),
    getSite: (siteId) => request(site(siteId), Site),
    listOccupiers: (siteId) => listAll(`${site(siteId)}/occupiers`, Occupier),
    listFloorPorts: (siteId) => listAll(`${site(siteId)}/floor-ports`, FloorPort),
  };
}
