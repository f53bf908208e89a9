// Runs the slowest suite (the offline terraform checks, which use both cores in bursts)
// first, so the other suites fill the second worker around it instead of after it.
// Jest only knows durations from earlier runs; a clean clone has none.
const Sequencer = require('@jest/test-sequencer').default;

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const slow = (test) => (test.path.includes('terraform') ? 0 : 1);
    return [...sorted].sort((a, b) => slow(a) - slow(b));
  }
}

module.exports = SlowFirstSequencer;
