/**
 * At most `count` requests to the platform at once, handed out first come, first served.
 * A lane takes a slot for one attempt and gives it back before it waits (a backoff, the
 * next entry): so a lane waiting out a retry never idles the others, and lanes that want
 * to send take turns instead of the first `count` lanes running to their end.
 */
export interface SendSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export function createSendSlots(count: number): SendSlots {
  let free = Math.max(1, count);
  const waiting: (() => void)[] = [];
  return {
    async run(work) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        // The slot passes straight to the longest waiter, so it cannot be taken twice.
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}
