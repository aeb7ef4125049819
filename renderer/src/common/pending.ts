/** Which actions are in flight, by key (e.g. `setPortRole:fp-1`), so each button waits only for its own. */
export type PendingActions = Readonly<Record<string, true>>;

export function withPending(pending: PendingActions, key: string): PendingActions {
  return { ...pending, [key]: true };
}

export function withoutPending(pending: PendingActions, key: string): PendingActions {
  const { [key]: _done, ...rest } = pending;
  return rest;
}
