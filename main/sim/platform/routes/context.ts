import type { LinkTable } from '../links';
import type { RegistrationSimulator } from '../registration';
import type { PlatformState } from '../state';

/** What the route handlers work on. */
export interface RouteContext {
  state: PlatformState;
  links: LinkTable;
  registration: RegistrationSimulator;
  /** The simulator's wall clock (test calls and installation records are stamped with it). */
  now(): Date;
}
