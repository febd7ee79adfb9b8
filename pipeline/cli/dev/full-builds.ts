/**
 * Full builds (PDF and share images), debounced: each request waits `delayMs` for the next
 * one; builds run one at a time, and one more runs when something changed meanwhile.
 */
export type FullBuilds = Readonly<{
  request(): void;
  /** Resolves after the next full build (the one to come, or the one under way or last done) has ended, well or not. */
  next(): Promise<void>;
  /** Drops the pending request at once; resolves when the build under way has ended. */
  stop(): Promise<void>;
}>;

type Deferred = { promise: Promise<void>; resolve: () => void };

function deferred(): Deferred {
  let resolveDeferred!: () => void;
  const promise = new Promise<void>((resolve) => {
    resolveDeferred = resolve;
  });
  return { promise, resolve: () => resolveDeferred() };
}

export function scheduleFullBuilds(delayMs: number, build: () => Promise<void>): FullBuilds {
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> = Promise.resolve();
  let upcoming: Deferred | undefined;
  let started: Deferred = { promise: Promise.resolve(), resolve: () => {} };
  return {
    request() {
      clearTimeout(timer);
      upcoming ??= deferred();
      timer = setTimeout(() => {
        const done = upcoming!;
        upcoming = undefined;
        started = done;
        building = building.then(async () => {
          await build().catch(() => {});
          done.resolve();
        });
      }, delayMs);
    },
    next: () => (upcoming ?? started).promise,
    stop() {
      clearTimeout(timer);
      return building;
    },
  };
}
