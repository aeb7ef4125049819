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
    fetch: checker.fetch,
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
