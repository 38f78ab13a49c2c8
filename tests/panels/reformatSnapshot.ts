/**
 * `npx tsx tests/panels/reformatSnapshot.ts < old.svg`: a stored snapshot (any layout) through the
 * snapshot formatter, on stdout. Shows that a snapshot re-laid out by svgFormat.ts holds the same
 * render: `git show REV:FILE | npx tsx tests/panels/reformatSnapshot.ts | diff - FILE` prints nothing.
 */
import { createRequire } from 'node:module';
import { formatSvg } from './svgFormat.ts';

// jsdom ships no types; only its constructor is used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: Document } };
};

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const { document } = new JSDOM('<!doctype html><body></body>').window;
const host = document.createElement('div');
host.innerHTML = Buffer.concat(chunks).toString('utf8');
const svgs = [...host.children].filter((el) => el.localName === 'svg');
process.stdout.write(svgs.map((svg) => formatSvg(svg)).join('\n\n') + '\n');
