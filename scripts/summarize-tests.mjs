// Reads the reports of `npm test` and prints the one line CI reads: "N passed, N failed".
// A runner that crashed before writing its report counts as one failure, never as zero tests.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

for (const line of readFileSync('reports/checks.txt', 'utf8').trim().split('\n')) {
  const [name, verdict] = line.split(' ');
  if (verdict === 'passed') passed++;
  else failed++;
  lines.push(`check ${name}: ${verdict}`);
}

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numFailedTestSuites ?? 0);
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  lines.push(
    `vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numFailedTestSuites ?? 0} suites failed`,
  );
} else {
  failed++;
  lines.push('vitest: no report (crashed)');
}

const pw = read('reports/playwright.json');
if (pw) {
  const s = pw.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected + (pw.errors?.length ?? 0);
  skipped += s.skipped;
  lines.push(
    `playwright: ${s.expected} passed, ${s.flaky} flaky, ${s.unexpected} failed, ${pw.errors?.length ?? 0} errors`,
  );
} else {
  failed++;
  lines.push('playwright: no report (not run or crashed)');
}

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
