// Names say what a file holds: no folder or file named by a single letter (as the panels' c/ and d/
// and the strings-c/strings-d tables once were), and no two names in one folder that differ only in
// case (one file would shadow the other on a case-insensitive file system).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const tracked = execFileSync('git', ['ls-files', 'src', 'tests', 'scripts'], {
  cwd: repoRoot,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f !== '');

describe('file names', () => {
  it('no folder or file under src/, tests/ or scripts/ is named by a letter', () => {
    const lettered = tracked.filter((f) =>
      f
        .split('/')
        .some(
          (part) => /^[a-z]$/i.test(part.replace(/\.[\w.]+$/, '')) || /-[a-z]\.\w+$/i.test(part),
        ),
    );
    expect(lettered).toEqual([]);
  });

  it('no two entries of one folder differ only in case or extension (CandidateTable.tsx / candidateTable.ts)', () => {
    const seen = new Map<string, string>();
    const clashes = new Set<string>();
    // Module names: an import names the file, and a bundler may resolve either spelling.
    for (const f of tracked.filter((f) => /\.(tsx?|jsx?)$/.test(f) && !f.endsWith('.d.ts'))) {
      const parts = f.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const path = parts.slice(0, i).join('/');
        const stem = i === parts.length ? path.replace(/\.(tsx?|jsx?)$/, '') : path;
        const key = stem.toLowerCase();
        const other = seen.get(key);
        if (other !== undefined && other !== path) clashes.add(`${other} / ${path}`);
        seen.set(key, path);
      }
    }
    expect([...clashes]).toEqual([]);
  });
});
