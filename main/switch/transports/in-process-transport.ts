import { CodedError } from '../../../shared/errors';
import { TransportCore, exposeTransport, type Transport } from './transport';

/** The switch end of an in-process link (a simulator's console). */
export interface InProcessEndpoint {
  write(bytes: Uint8Array | string): void;
  onData(listener: (bytes: Buffer) => void): () => void;
  onClose(listener: () => void): () => void;
  close(): void;
  readonly closed: boolean;
}

/** A transport straight to a simulated switch in this process: the demo and fast tests. */
export function connectInProcess(
  endpoint: InProcessEndpoint,
  label = 'simulated switch',
): Transport {
  if (endpoint.closed)
    throw new CodedError('SWITCH_NOT_CONNECTED', `The ${label} console is already closed.`);
  const core = new TransportCore();
  endpoint.onData((bytes) => core.received(bytes));
  endpoint.onClose(() => core.ended({ by: 'remote', message: `The ${label} closed the console.` }));
  return exposeTransport(core, {
    kind: 'in-process',
    label,
    writeBytes: (bytes) => endpoint.write(bytes),
    release: () => endpoint.close(),
  });
}
