import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from './contract';
import committed from './openapi.json';
import { buildOpenApiDocument } from './openapi';

describe('the OpenAPI document', () => {
  it('committed openapi.json is exactly what the contract generates (regenerate it if this fails)', () => {
    expect(committed).toEqual(buildOpenApiDocument());
  });

  it('has one operation per contract entry, with its path, method and operationId', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    for (const [operationId, spec] of Object.entries(operations))
      expect(document.paths[spec.path]?.[spec.method]?.operationId).toBe(operationId);
    const count = Object.values(document.paths).flatMap((methods) => Object.keys(methods)).length;
    expect(count).toBe(Object.keys(operations).length);
  });

  it('documents Idempotency-Key on every mutation and If-Match where a version is checked', () => {
    const document = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string; required: boolean }[] }>>;
    };
    for (const spec of Object.values(operations)) {
      const names = (document.paths[spec.path]?.[spec.method]?.parameters ?? []).map((p) => p.name);
      expect(names.includes('Idempotency-Key')).toBe(spec.mutation);
      expect(names.includes('If-Match')).toBe(spec.ifMatch !== 'none');
    }
  });

  it('points every $ref at a schema it defines', () => {
    const document = buildOpenApiDocument();
    const text = JSON.stringify(document);
    const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((name) => !(name! in schemas))).toEqual([]);
  });

  it('describes every operation, parameter and tag, and writes say how retries and versions work', () => {
    const document = buildOpenApiDocument() as {
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const used = new Set(Object.values(operations).map((spec) => spec.tag));
    expect(document.tags.map((tag) => tag.name).sort()).toEqual([...used].sort());
    for (const spec of Object.values(operations)) {
      const operation = document.paths[spec.path]![spec.method]!;
      expect(operation.description.length).toBeGreaterThan(20);
      for (const parameter of operation.parameters ?? [])
        expect(parameter.description).toBeTruthy();
      expect(operation.description.includes('Idempotency-Key')).toBe(spec.mutation);
      if (spec.ifMatch !== 'none') expect(operation.description).toContain('`If-Match`');
    }
  });

  it('refuses an operation, parameter or tag without a description', () => {
    const base = operations.getHealth;
    expect(() => buildOpenApiDocument({ newOperation: { ...base } })).toThrow(
      'newOperation has no description',
    );
    expect(() =>
      buildOpenApiDocument({ getHealth: { ...base, params: z.object({ widgetId: z.string() }) } }),
    ).toThrow('parameter widgetId has no description');
    expect(() => buildOpenApiDocument({ getHealth: { ...base, tag: 'widgets' } })).toThrow(
      'tag widgets has no description',
    );
  });

  it('names a server the platform can be called at, not port 0', () => {
    const servers = buildOpenApiDocument().servers as { url: string; variables?: object }[];
    expect(JSON.stringify(servers)).not.toContain(':0"');
    expect(servers[0]).toMatchObject({
      url: '{baseUrl}',
      variables: { baseUrl: expect.anything() },
    });
  });
});

interface OpenApiOperation {
  description: string;
  parameters?: { name: string; description?: string }[];
}
