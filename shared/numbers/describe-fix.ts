import type { FixAction } from './findings';
import { count } from '../wording';
import { listNumbers } from './wording';

/** A fix action as a short imperative a person can read before confirming it. */
export function describeFix(fix: FixAction): string {
  switch (fix.kind) {
    case 'allocate':
      return `allocate ${count(fix.count, 'number', 'numbers')} from the pool${fix.activate ? ' and activate' : ' as spare'}`;
    case 'activate':
      return `activate ${listNumbers(fix.numbers)}`;
    case 'deactivate':
      return `deactivate ${listNumbers(fix.numbers)}`;
    case 'release':
      return `release ${listNumbers(fix.numbers)} to the pool`;
    case 'nominateMain':
      return `nominate ${fix.number} as main number`;
    case 'allocateMain':
      return 'allocate a main number from the pool';
    case 'demoteMain':
      return `stop treating ${listNumbers(fix.numbers)} as main`;
    case 'assignHandset':
      return fix.handsetId === null
        ? `assign ${fix.number} to a handset`
        : `assign ${fix.number} to handset ${fix.handsetId}`;
    case 'unassignHandset':
      return `take ${fix.number} off handset ${fix.handsetId}`;
  }
}
