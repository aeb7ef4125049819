/** `schedule(run, ms)` → cancel: the timer shape services take so tests need no clock. */
export type Schedule = (run: () => void, ms: number) => () => void;

/**
 * A schedule the test runs by hand: nothing fires until `runAll`, so what a timer does is
 * proven without waiting for (or racing) real time.
 */
export function createManualSchedule() {
  const due: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const schedule: Schedule = (run, ms) => {
    const task = { run, ms, cancelled: false };
    due.push(task);
    return () => {
      task.cancelled = true;
    };
  };
  return {
    schedule,
    /** Timers set and not yet run or cancelled, with the delay each asked for. */
    pending: () => due.filter((task) => !task.cancelled).map((task) => task.ms),
    /** Runs every timer due now (ones they set in turn wait for the next call). */
    runAll() {
      for (const task of due.splice(0)) if (!task.cancelled) task.run();
    },
  };
}
