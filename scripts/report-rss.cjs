// Preloaded by scripts/bench.ts: prints the process's peak resident memory at exit.
process.on('exit', () => {
  process.stderr.write(`BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
