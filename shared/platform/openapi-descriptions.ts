import type { OperationId } from './contract';

/**
 * The prose of the OpenAPI document that the contract does not carry: tag descriptions,
 * parameter descriptions by name, and a description for each operation that has none in
 * contract.ts. The generator refuses an operation, tag or parameter without one, so a new
 * operation gets its description (in contract.ts, or here). For writes, what they change is
 * said here; idempotency and If-Match are added by the generator from the operation's flags.
 */

export const TAG_DESCRIPTIONS: Record<string, string> = {
  platform: 'Liveness and the operator account the token belongs to.',
  sites: 'Buildings of the operator: floors, spaces, switches and the switch-port role catalogue.',
  occupiers: 'The companies that occupy spaces in a site.',
  floorPorts: 'Wall ports on each floor, each patched to a switch interface, and their port role.',
  voiceServices: "An occupier's voice services: how many numbers and handsets it pays for.",
  numbers:
    'Phone numbers at a site: allocation from the pool, ported-in and custom ranges, activation, release and the main number.',
  handsets: 'The handset model catalogue, handsets at a site, their registration and remote login.',
  jobs: 'What an install job needs from the platform, in one read.',
  ringTest: 'Test calls placed to a number to prove that the right handsets ring.',
  installation: 'The per-job installation record the engineer signs off.',
};

export const PARAMETER_DESCRIPTIONS: Record<string, string> = {
  siteId: 'The site, as listSites names it.',
  occupierId: 'The occupier (a company in the site), as listOccupiers names it.',
  e164: 'The phone number in E.164 form, e.g. +442079460123 (URL-encode the +).',
  serviceId: 'The voice service, as listVoiceServices names it.',
  floorPortId: 'The floor port, as listFloorPorts names it.',
  handsetId: 'The handset, as listHandsets or registerHandset names it.',
  testCallId: 'The test call, as placeTestCall or listTestCalls names it.',
  jobId: "The install job's id (Dialtone's job), whose installation record this is.",
  cursor: 'Where the page starts: the `next` cursor of the previous page; omit for the first page.',
  limit: 'How many items per page, 1 to 200 (the platform picks a default when omitted).',
  state: 'Only numbers in this state.',
  reference: 'Only the test call sent with this reference (the caller chooses it, e.g. per job).',
};

export const OPERATION_DESCRIPTIONS: Partial<Record<OperationId, string>> = {
  getHealth:
    'Answers 200 while the platform is up. Needs no token, so it can tell "unreachable" from "token refused".',
  getOperator:
    'The operator the bearer token belongs to, with the settings that change how the platform behaves (e.g. whether a main number is nominated automatically).',
  listSites: 'Every site of the operator, a page at a time.',
  getSite:
    'One site in full: its region (which decides the number rules), floors and spaces, the switches and the catalogue of switch-port roles.',
  listOccupiers: 'The occupiers with spaces at the site, a page at a time.',
  listFloorPorts:
    'The floor ports of the site, each with the switch interface it is patched to and its current port role.',
  getFloorPort:
    'One floor port with its patching and port role; the ETag is the version to send as If-Match.',
  listVoiceServices: 'The voice services at the site; `occupierId` narrows them to one occupier.',
  getVoiceService:
    'One voice service and its quantity; the ETag is the version to send as If-Match.',
  changeVoiceServiceQuantity:
    "Changes the service's quantity (an upgrade or downgrade of what the occupier pays for). Nothing is allocated or activated by this call. Refused (409 QUANTITY_BELOW_ACTIVE) when the occupier's total quantity would fall below its active numbers: deactivate numbers first.",
  listNumbers:
    'The phone numbers at the site, narrowed by occupier and by state (RESERVED, ACTIVE, COOLDOWN…).',
  getNumber:
    'One phone number with its state, occupier and type; the ETag is the version to send as If-Match.',
  listHandsetModels:
    'The handset models the platform supports, each with how a number is logged in to it (remote or on the keypad) and the keypad steps.',
  listHandsets: 'The handsets registered at the site; `occupierId` narrows them to one occupier.',
  registerHandset:
    'Creates a handset at the site: its MAC address, model, occupier and the floor port it is plugged into. Refused (409) when the MAC is already registered.',
  getHandset:
    'One handset with its model, floor port and logged-in number; the ETag is its version.',
  getHandsetRegistration:
    'Whether the handset has registered with the platform since its last login, and which number is logged in to it. Read it after remoteLogin until it says registered.',
  getSiteSnapshot:
    "The site, the occupier, its voice services, numbers, handsets and floor ports in one consistent read, with the snapshot's version (also the ETag). A job starts from it and works offline on it.",
  addVoiceService:
    "Adds a voice service to the occupier. The occupier's first service at the site also runs the automatic allocation and activation of its numbers; the response says what that did.",
  allocateNumbers:
    "Reserves numbers for the occupier: a count from the site's pool, or the named pool numbers. All or none: when one cannot be reserved, none is (409).",
  activateNumber:
    'Moves a RESERVED number to ACTIVE. Refused (409) when the occupier has no voice service left to cover another active number.',
  deactivateNumber:
    'Moves an ACTIVE number back to RESERVED. Refused (409) while it is logged in to a handset: log the handset out first.',
  releaseNumber:
    'Gives a RESERVED number back: it leaves the occupier and goes to COOLDOWN before the pool may hand it out again.',
  nominateMainNumber:
    "Makes the number the occupier's main number; any previous main number stops being main.",
  addPortedNumbers:
    'Adds numbers ported in from another provider to the occupier, as RESERVED. Only local and national numbers (422 for others); all or none.',
  addCustomRange:
    'Assigns a consecutive range of numbers to the occupier, as RESERVED. Only local and national numbers (422 for others); all or none.',
  setFloorPortRole:
    "Sets the floor port's switch-port role to one from the site's catalogue (what VLANs, PoE and voice settings its switch interface should have).",
  remoteLogin:
    'Logs an ACTIVE number in to the handset from the platform; the handset registers shortly after (read getHandsetRegistration). Refused (409) for models that log in on the keypad.',
  remoteLogout:
    'Logs the number out of the handset from the platform. Refused (409) when nothing is logged in, and for models that log in on the keypad.',
};
