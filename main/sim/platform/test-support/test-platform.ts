import { afterEach, beforeEach, expect } from 'vitest';
import { createPlatformClient, type PlatformClient } from '../../../platform/client';
import { loadDemoWorld } from '../../world/load';
import {
  startPlatformSimulator,
  type PlatformSimulator,
  type PlatformSimulatorOptions,
} from '../server';
import { createContractChecker, type ContractChecker } from './contract-checker';

export interface TestPlatform {
  simulator: PlatformSimulator;
  /** A client whose every answer is checked against the OpenAPI document. */
  client: PlatformClient;
  checker: ContractChecker;
  close(): Promise<void>;
}

let shared: ContractChecker | null = null;
/** One checker per test file: ajv compiles each schema once. */
function sharedChecker(): ContractChecker {
  shared ??= createContractChecker();
  return shared;
}

/** A simulator on loopback with the demo world (unless given one), and a checked client. */
export async function startTestPlatform(
  options: Partial<PlatformSimulatorOptions> = {},
  checker: ContractChecker = sharedChecker(),
): Promise<TestPlatform> {
  const simulator = await startPlatformSimulator({
    world: loadDemoWorld(),
    registrationDelayMs: 20,
    ...options,
  });
  const client = createPlatformClient({
    baseUrl: simulator.url,
    token: simulator.token,
    transport: checker.transport,
    timeoutMs: 5_000,
  });
  return { simulator, client, checker, close: () => simulator.close() };
}

let keyCounter = 0;
/** A fresh idempotency key. */
export function newKey(label = 'test'): string {
  keyCounter += 1;
  return `${label}-${process.pid}-${keyCounter}-${Math.random().toString(36).slice(2)}`;
}

/** Waits for `probe` to return true, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A TestPlatform that a test file declares once and each test gets fresh. */
export interface TestPlatformPerTest extends TestPlatform {
  /** Closes this test's simulator and starts another with `options` (e.g. another world). */
  restart(options?: Partial<PlatformSimulatorOptions>): Promise<void>;
}

/**
 * Starts a simulator before each test and, after it, asserts that every answer the test saw
 * matched the OpenAPI document, then closes it.
 */
export function usePlatformPerTest(
  options: Partial<PlatformSimulatorOptions> = {},
): TestPlatformPerTest {
  let current: TestPlatform | null = null;
  const live = (): TestPlatform => {
    if (!current) throw new Error('The test platform is only there inside a test.');
    return current;
  };
  beforeEach(async () => {
    current = await startTestPlatform(options);
  });
  afterEach(async () => {
    const platform = live();
    current = null;
    await platform.close();
    expect(platform.checker.violations).toEqual([]);
  });
  return {
    get simulator() {
      return live().simulator;
    },
    get client() {
      return live().client;
    },
    get checker() {
      return live().checker;
    },
    close: () => live().close(),
    async restart(next = {}) {
      await live().close();
      current = await startTestPlatform(next);
    },
  };
}
