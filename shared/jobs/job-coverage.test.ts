import { describe, expect, it } from 'vitest';
import shoreditch from '../numbers/test-support/shoreditch-snapshot.json';
import type { SiteSnapshot } from '../platform/snapshot';
import { describeJobCoverage } from './job-coverage';

const snapshot = shoreditch as SiteSnapshot;

describe('what a new job covers', () => {
  it('a first-time add: services, the automatic main number, floor ports and handsets with their desks', () => {
    const c = describeJobCoverage(snapshot, 'occ-northwind');
    expect(c).toMatchObject({
      occupierName: 'Northwind Partners',
      quantity: 4,
      kind: 'firstAdd',
      numbers: { main: '+442079460070', active: 4, spare: 0 },
      manualNumbers: [],
    });
    expect(c.kindReason).toMatch(/^First-time add: .*main number included/);
    expect(c.handsets.map((h) => [h.id, h.floorPortLabel])).toContainEqual(['hs-nw-1', '3F-007']);
    expect(c.floorPorts.length).toBeGreaterThan(0);
    expect(c.floorPorts.every((p) => p.switchInterface.includes(' '))).toBe(true);
  });

  it('an upgrade says numbers go by hand; manual numbers are listed; no service yet is its own kind', () => {
    expect(describeJobCoverage(snapshot, 'occ-orchard')).toMatchObject({
      kind: 'upgrade',
      quantity: 5,
    });
    const kestrel = describeJobCoverage(snapshot, 'occ-kestrel');
    expect(kestrel.kind).toBe('noServices');
    expect(kestrel.kindReason).toMatch(/manually assigned numbers, so nothing is allocated/);
    expect(kestrel.manualNumbers.map((n) => n.source)).toEqual(['ported', 'ported', 'ported']);
    const brightwater = describeJobCoverage(snapshot, 'occ-brightwater');
    expect(brightwater).toMatchObject({ kind: 'noServices', quantity: 0, voiceServices: [] });
    expect(brightwater.handsets.map((h) => h.floorPortLabel)).toEqual([null, null, null]);
  });

  it('a first add at a site outside the UK promises no automatic main number', () => {
    const brightwater = describeJobCoverage(snapshot, 'occ-brightwater');
    expect(brightwater.kindReason).toMatch(
      /allocates its numbers automatically \(with a main number\)\.$/,
    );
    const us = { ...snapshot, site: { ...snapshot.site, region: 'US' } };
    const abroad = describeJobCoverage(us, 'occ-brightwater');
    expect(abroad.kind).toBe('noServices');
    expect(abroad.kindReason).toMatch(/allocates its numbers automatically\.$/);
    expect(abroad.kindReason).not.toMatch(/main number/);
  });

  it('refuses an occupier the snapshot does not have', () => {
    expect(() => describeJobCoverage(snapshot, 'occ-nobody')).toThrow(/not an occupier/);
  });
});
