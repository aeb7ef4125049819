import { z } from 'zod';
import { CodedError } from '../errors';
import { isKnownRegion, regionLabel, UK_REGION } from './regions';

/** What the platform knows when a voice service is added for an occupier at a site. */
export interface AllocationInput {
  /** The site's region, an ISO country code such as `GB` or `US`. */
  region: string;
  /** The voice service quantity (QTY) being added. */
  quantity: number;
  /** The operator's configuration: create the main number automatically. */
  autoMainNumber: boolean;
  /** An additional voice service or a higher quantity of an existing one (Manage Services). */
  upgrade: boolean;
  /** The occupier already has manually assigned (ported or custom range) numbers at the site. */
  hasManualNumbers: boolean;
}

/** What the platform does by itself on that add (DOMAIN.md "Automatic allocation on first add"). */
export interface AllocationPlan {
  /** Whether automation runs at all; when false every count is 0 and the engineer works by hand. */
  automatic: boolean;
  /** Numbers allocated to the occupier, the main number included. */
  allocate: number;
  /** Numbers activated for the voice services (the main number is not counted here). */
  activate: number;
  /** Allocated numbers left neither active nor main. */
  spare: number;
  /** Whether one allocated number is nominated as the main number. */
  mainNumber: boolean;
  /** One sentence a person can read, saying how the counts came about. */
  reason: string;
}

/** UK pool numbers are allocated in batches of this size. */
export const UK_BATCH_SIZE = 5;

export const NUMBERS_INVALID_INPUT = 'NUMBERS_INVALID_INPUT';

const AllocationInputSchema = z.object({
  region: z.string(),
  quantity: z.number(),
  autoMainNumber: z.boolean(),
  upgrade: z.boolean(),
  hasManualNumbers: z.boolean(),
});

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function validate(input: AllocationInput): AllocationInput {
  const parsed = AllocationInputSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'input').join(', ');
    throw new CodedError(
      NUMBERS_INVALID_INPUT,
      `The allocation input is incomplete or of the wrong kind (${fields}).`,
      parsed.error.issues,
    );
  }
  const { quantity, region } = parsed.data;
  if (!Number.isSafeInteger(quantity) || quantity < 1)
    throw new CodedError(
      NUMBERS_INVALID_INPUT,
      `The quantity must be a whole number of 1 or more, not ${String(quantity)}.`,
      { field: 'quantity', value: quantity },
    );
  if (!isKnownRegion(region))
    throw new CodedError(
      NUMBERS_INVALID_INPUT,
      `${JSON.stringify(region)} is not a known region: use a two-letter ISO country code in capitals, such as GB or US.`,
      { field: 'region', value: region },
    );
  return parsed.data;
}

function manualPlan(input: AllocationInput): AllocationPlan {
  const why = [
    input.upgrade ? 'this is an upgrade (an additional service or a higher quantity)' : null,
    input.hasManualNumbers
      ? 'the occupier has manually assigned (ported or custom range) numbers at this site'
      : null,
  ]
    .filter((part) => part !== null)
    .join(' and ');
  return {
    automatic: false,
    allocate: 0,
    activate: 0,
    spare: 0,
    mainNumber: false,
    reason: `No automatic allocation because ${why}: allocate and activate ${plural(input.quantity, 'number', 'numbers')} by hand, using spare allocated numbers first.`,
  };
}

function ukPlan(quantity: number, autoMainNumber: boolean): AllocationPlan {
  const main = autoMainNumber ? 1 : 0;
  const needed = quantity + main;
  const allocate = Math.ceil(needed / UK_BATCH_SIZE) * UK_BATCH_SIZE;
  const spare = allocate - quantity - main;
  const sum = autoMainNumber
    ? `${plural(quantity, 'service', 'services')} + main number = ${needed}`
    : `${plural(quantity, 'service', 'services')} (no automatic main number) = ${needed}`;
  const batches =
    allocate === UK_BATCH_SIZE
      ? `a batch of ${UK_BATCH_SIZE}`
      : `${allocate} (batches of ${UK_BATCH_SIZE})`;
  const batch = allocate === needed ? `exactly ${batches}` : `rounded up to ${batches}`;
  const outcome = [
    `${allocate} allocated`,
    `${quantity} activated`,
    autoMainNumber ? '1 nominated as main number' : null,
    `${spare} spare`,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return {
    automatic: true,
    allocate,
    activate: quantity,
    spare,
    mainNumber: autoMainNumber,
    reason: `UK site: ${sum}, ${batch}: ${outcome}.`,
  };
}

function exactPlan(region: string, quantity: number): AllocationPlan {
  return {
    automatic: true,
    allocate: quantity,
    activate: quantity,
    spare: 0,
    mainNumber: false,
    reason: `${regionLabel(region)} site: ${plural(quantity, 'service', 'services')} = ${plural(quantity, 'number', 'numbers')} allocated and activated exactly (batches and an automatic main number are UK only).`,
  };
}

/**
 * What the platform allocates and activates by itself when a voice service is added
 * (DOMAIN.md "Automatic allocation on first add"). Pure; throws NUMBERS_INVALID_INPUT on bad input.
 */
export function planAllocation(input: AllocationInput): AllocationPlan {
  const valid = validate(input);
  if (valid.upgrade || valid.hasManualNumbers) return manualPlan(valid);
  return valid.region === UK_REGION
    ? ukPlan(valid.quantity, valid.autoMainNumber)
    : exactPlan(valid.region, valid.quantity);
}
