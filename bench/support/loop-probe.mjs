// Plain JavaScript, so it preloads into the compiled gateway as well as the tsx one. Preloaded into the gateway by the endurance benchmarks (--import): every BENCH_PROBE_MS it appends the
// process's event-loop delay p99 and max (ms) since the last sample to BENCH_LOOP_FILE, one JSON line each.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.BENCH_LOOP_FILE;
if (file !== undefined) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(
    () => {
      appendFileSync(
        file,
        `${JSON.stringify({ at: Date.now(), p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 })}\n`,
      );
      histogram.reset();
    },
    Number(process.env.BENCH_PROBE_MS ?? 10_000),
  );
  timer.unref();
}
