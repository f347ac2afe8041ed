import type { Reporter, TestModule } from 'vitest/node';

/**
 * Names the test files that never finished. When a test process dies (a native crash, the kernel's
 * OOM killer), Vitest reports only "Worker exited unexpectedly", without the file; CI shows the end of
 * the output, so this prints, last, each such file and its tests without a result (results travel in
 * batches, so a test that passed just before the crash may be among them).
 */
export default class UnfinishedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      const state = module.state();
      if (state === 'passed' || state === 'failed' || state === 'skipped') continue;
      lines.push(`  ${module.relativeModuleId} (${state})`);
      for (const test of module.children.allTests()) {
        const result = test.result().state;
        if (result === 'pending') lines.push(`    - no result: ${test.fullName}`);
      }
    }
    if (lines.length === 0) return;
    process.stderr.write(`\nTest files that did not finish (their process stopped):\n${lines.join('\n')}\n`);
  }
}
