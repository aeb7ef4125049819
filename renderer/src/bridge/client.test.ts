import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../test-support/fakeBridge';
import { BRIDGE_REPLY_MARK, createBridgeClient } from './client';

describe('bridge client: the mark as each answer arrives', () => {
  it('marks the latest answer of each channel, keeping one mark per channel', async () => {
    const name = `${BRIDGE_REPLY_MARK}sites:list`;
    performance.clearMarks(name);
    const client = createBridgeClient(
      createFakeBridge({ 'sites:list': () => ({ sites: [] }) }).bridge,
    );
    const before = performance.now();
    await client.invoke('sites:list', {});
    await client.invoke('sites:list', {});
    const marks = performance.getEntriesByName(name, 'mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.startTime).toBeGreaterThanOrEqual(before);
  });
});
