/**
 * `bench:ui --profile=DIR`: where the main thread's time goes during a drag. Records a V8 CPU profile
 * (functions; self and inclusive time) and a Chromium trace (the renderer's own work: style, layout,
 * paint, GC, which a JS profile only shows as "(program)"), writes both to DIR for DevTools, and
 * prints the top entries of each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}
interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { readonly name?: string };
}

export interface Profile {
  stop(dir: string, name: string): Promise<void>;
}

/** Start both recordings on `page`; stop() writes them and prints the summary. */
export async function startProfile(browser: Browser, page: Page): Promise<Profile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
  });
  await cdp.send('Profiler.start');
  return {
    async stop(dir, name) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const trace = await browser.stopTracing();
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      writeFileSync(join(dir, `${name}.trace.json`), trace);
      console.log(`\n[profile ${name}] written to ${dir}`);
      printCpu(profile);
      printTrace(JSON.parse(trace.toString()).traceEvents as TraceEvent[]);
    },
  };
}

const IDLE = new Set(['(idle)', '(root)', '(program)']);

function frameName(f: CallFrame): string {
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
}

function top(totals: Map<string, number>, n: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${k}`);
}

/** Self and inclusive time per function (samples × their time deltas). */
function printCpu(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let busy = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    const node = byId.get(profile.samples[i])!;
    const own = node.callFrame.functionName;
    if (own === '(idle)') continue;
    busy += dt;
    const key = IDLE.has(own) ? own : frameName(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (IDLE.has(f.functionName)) continue;
      const k = frameName(f);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  console.log(
    `CPU profile: ${(total / 1000).toFixed(0)} ms recorded, main thread busy ${(busy / 1000).toFixed(0)} ms`,
  );
  console.log('  top self time:');
  for (const line of top(self, 25)) console.log('  ' + line);
  console.log('  top inclusive time:');
  for (const line of top(incl, 40)) console.log('  ' + line);
}

/** Self time per trace event name on the busiest renderer main thread. */
function printTrace(events: readonly TraceEvent[]): void {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !mains.has(k) || e.dur === undefined) continue;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  const busiest = [...byThread.values()].sort(
    (a, b) => b.reduce((s, e) => s + e.dur!, 0) - a.reduce((s, e) => s + e.dur!, 0),
  )[0];
  if (!busiest) return;
  busiest.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; childDur: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
      const { e, childDur } = stack.pop()!;
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur! - childDur);
      if (stack.length) stack[stack.length - 1].childDur += e.dur!;
    }
  };
  for (const e of busiest) {
    close(e.ts);
    stack.push({ e, childDur: 0 });
  }
  close(Infinity);
  console.log('  trace, renderer main thread, self time by event:');
  for (const line of top(self, 18)) console.log('  ' + line);
}
