import { describe, expect, it } from 'vitest';
import { describeChange, describeConflict } from './change-wording';
import { foldJob } from './fold';
import type { JobSnapshot } from './snapshot';
import { bareFloorPort, bareSnapshot } from './test-support/bare-snapshot';

const role = (id: string, name: string) => ({
  id,
  name,
  description: '',
  dataVlan: 10,
  voiceVlan: null,
  poe: false,
  lldpMed: false,
  edge: true,
  shutdown: false,
});

const snapshot: JobSnapshot = bareSnapshot('occ-acme', {
  site: {
    ...bareSnapshot('occ-acme').site,
    roleCatalogue: [role('voice-pc', 'Voice + PC'), role('data', 'Data')],
  },
  floorPorts: [bareFloorPort('site-2F-001', '2F-001', 'Gi1/0/1')],
  handsetModels: [
    { id: 'yl', vendor: 'Yealink', name: 'T54W', loginMethod: 'remote', keypadSteps: [] },
  ],
  handsets: [
    {
      id: 'hs-1',
      siteId: 'site',
      occupierId: 'occ-acme',
      modelId: 'yl',
      mac: '80:5e:c0:2f:01:01',
      floorPortId: null,
      loggedInNumber: null,
      registration: 'unregistered',
      version: 1,
    },
  ],
});

const state = foldJob([
  {
    seq: 1,
    id: 'e1',
    time: '2026-01-01T00:00:01Z',
    actor: 'test',
    type: 'JobCreated',
    payload: { jobId: 'job', siteId: 'site', occupierId: 'occ-acme', snapshot },
  },
]);

const conflictOf = (mutation: Parameters<typeof describeChange>[1], value: unknown) => ({
  entry: { entryId: 'x', idempotencyKey: 'k'.repeat(16), mutation, baseVersion: 5 },
  queuedAt: '2026-01-01T00:00:02Z',
  status: 'conflict' as const,
  resultVersion: null,
  problem: null,
  theirs: { value, version: 6 },
});

describe('changes and conflicts in the engineer’s words', () => {
  it('a role conflict names the floor port by label and both roles by name, never an id', () => {
    const words = describeConflict(
      state,
      conflictOf(
        { kind: 'setFloorPortRole', floorPortId: 'site-2F-001', roleId: 'voice-pc' },
        {
          roleId: 'data',
        },
      ),
    );
    expect(words).toMatchObject({
      title: 'Floor port 2F-001: role conflict',
      mine: 'Voice + PC',
      theirs: 'Data',
    });
    expect(words.who).toMatch(/not from this job/);
    expect(JSON.stringify(words)).not.toMatch(/site-2F-001|voice-pc|roleId/);
  });

  it('a login conflict names the handset by model and MAC', () => {
    const words = describeConflict(
      state,
      conflictOf(
        { kind: 'remoteLogin', occupierId: 'occ-acme', handsetId: 'hs-1', e164: '+442079460011' },
        {
          loggedInNumber: null,
        },
      ),
    );
    expect(words.title).toBe('Yealink T54W 80:5e:c0:2f:01:01: login conflict');
    expect(words.theirs).toBe('no number logged in');
  });

  it.each([
    [
      { kind: 'addVoiceService', siteId: 'site', occupierId: 'occ-acme', quantity: 1 },
      'Add 1 voice service for Acme',
    ],
    [
      { kind: 'allocateNumbers', siteId: 'site', occupierId: 'occ-acme', count: 2, activate: true },
      'Allocate 2 numbers and activate for Acme',
    ],
    [
      { kind: 'remoteLogin', occupierId: 'occ-acme', handsetId: 'hs-1', e164: '+442079460011' },
      'Log +442079460011 in to Yealink T54W 80:5e:c0:2f:01:01',
    ],
  ] as const)('%o reads "%s"', (mutation, words) => {
    expect(describeChange(state, mutation)).toBe(words);
  });
});
