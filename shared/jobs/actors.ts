/** The actor of what the engineer did at the keyboard (not sync acting for them). */
export const ENGINEER_ACTOR = 'engineer';

/** Who did it, in the report's words: the engineer's name where the job has one. */
export function whoDid(engineerName: string | null, actor: string): string {
  return actor === ENGINEER_ACTOR && engineerName ? engineerName : actor;
}
