/** Runs a stage and records how long it took, in milliseconds, under its name. */
export type Timer = <T>(stage: string, work: () => Promise<T> | T) => Promise<T>;

export function timer(timings: Record<string, number>): Timer {
  return async (stage, work) => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
    }
  };
}
