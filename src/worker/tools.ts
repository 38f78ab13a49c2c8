/**
 * The tools worker: the app's occasional heavy jobs off the main thread, each one request → one reply:
 * - check: parse a `dr check` input (src/check/checkInput.ts), diagnose its first check, and name the
 *   entries whose gradient differs most from the official one (for the panels to mark);
 * - export: the case JSON, the candidate CSV, the PyTorch snippet or the .npz of the set a source
 *   describes (materialised here, so the main thread never builds a 10⁶-entry string).
 * This is the handler (pure, Node-testable); toolsClient.ts is the main thread's end, which loads this
 * module only when it has to run it on its own thread (no workers: jsdom tests).
 */
import { diagnose } from '../check/diagnose.ts';
import type { Diagnosis } from '../check/diagnose.ts';
import { parseChecks } from '../check/checkInput.ts';
import { pytorchSnippet } from '../check/pytorchSnippet.ts';
import { drLoss } from '../engine/index.ts';
import type { DRParams } from '../engine/types.ts';
import { materialize } from '../data/materialize.ts';
import type { CandidateSource } from '../data/types.ts';
import { candidateCsv, caseJson } from '../io/exportCase.ts';
import { importParsed } from '../io/import.ts';
import type { ImportResult } from '../io/import.ts';
import { npzBytes } from '../io/npzWrite.ts';

/** Entries marked as differing most (largest |your ∂/∂x − official ∂/∂x|). */
export const TOP_DIFFERING = 10;

export type ExportWhat = 'csv' | 'case' | 'snippet' | 'npz';

export type ToolsRequest =
  | {
      readonly type: 'check';
      readonly id: number;
      /** The check as text, or the file holding it (read here, off the main thread). */
      readonly text: string | { text(): Promise<string> };
    }
  | {
      readonly type: 'export';
      readonly id: number;
      readonly what: ExportWhat;
      readonly source: CandidateSource;
      readonly params: DRParams;
    };

/** The check's outcome: the diagnosis, the case as an import, the most differing entries. */
export interface CheckOutcome {
  readonly ok: true;
  readonly diagnosis: Diagnosis;
  /** The first check's case as the app imports it (source + params). */
  readonly imported: ImportResult;
  /** Flat indices r·K + c, largest gradient error first (only entries that differ; empty without grad). */
  readonly top: Int32Array;
  /** How many checks the input held (the first is diagnosed). */
  readonly count: number;
  /** Milliseconds the diagnosis took in the worker. */
  readonly ms: number;
}

export type ToolsReply =
  | { readonly type: 'check'; readonly id: number; readonly result: CheckOutcome | Failure }
  | {
      readonly type: 'export';
      readonly id: number;
      readonly result:
        | { readonly ok: true; readonly text: string; readonly loss: number }
        | { readonly ok: true; readonly bytes: Uint8Array; readonly loss: number }
        | Failure;
    };

interface Failure {
  readonly ok: false;
  readonly error: string;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The indices of the `n` largest values of `err` that are > 0, largest first. */
function topIndices(err: Float64Array, n: number): Int32Array {
  const best: number[] = [];
  for (let i = 0; i < err.length; i++) {
    const e = err[i];
    if (!(e > 0)) continue;
    if (best.length === n && e <= err[best[n - 1]]) continue;
    let at = best.length < n ? best.length : n - 1;
    if (best.length < n) best.push(i);
    while (at > 0 && err[best[at - 1]] < e) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = i;
  }
  return Int32Array.from(best);
}

function check(text: string): CheckOutcome | Failure {
  const parsed = parseChecks(text);
  if (!parsed.ok) return parsed;
  const first = parsed.checks[0];
  const t0 = performance.now();
  const diagnosis = diagnose(first);
  const ms = performance.now() - t0;
  const { problem, yours } = first;
  let top: Int32Array = new Int32Array(0);
  if (yours.grad !== undefined) {
    const { gradLogits } = drLoss(problem.logits, problem.targets, problem.K, problem.params);
    const err = new Float64Array(gradLogits.length);
    for (let i = 0; i < err.length; i++) err[i] = Math.abs(yours.grad[i] - gradLogits[i]);
    top = topIndices(err, TOP_DIFFERING);
  }
  const imported = importParsed(
    { kind: 'json', result: { ok: true, cases: [problem], isArray: false } },
    parsed.checks.length > 1 ? 'check #0' : 'check',
  );
  return { ok: true, diagnosis, imported, top, count: parsed.checks.length, ms };
}

function exportJob(
  what: ExportWhat,
  source: CandidateSource,
  params: DRParams,
): ToolsReply & { type: 'export' } extends { result: infer R } ? R : never {
  const set = materialize(source);
  const loss = drLoss(set.logits, set.targets, set.K, params).result.loss;
  switch (what) {
    case 'csv':
      return { ok: true, text: candidateCsv(set, params), loss };
    case 'case':
      return { ok: true, text: caseJson(set, params), loss };
    case 'snippet':
      return { ok: true, text: pytorchSnippet(set, params, loss), loss };
    case 'npz':
      return {
        ok: true,
        bytes: npzBytes({
          logits: { values: set.logits, shape: [set.R, set.K] },
          targets: { values: set.targets, shape: [set.R] },
          ...(set.features && {
            features: { values: set.features.values, shape: [set.R, set.features.d] },
          }),
        }),
        loss,
      };
  }
}

/** Serve one request (never throws: a failure is an `ok: false` result). */
export async function handleTools(request: ToolsRequest): Promise<ToolsReply> {
  const { id } = request;
  try {
    switch (request.type) {
      case 'check':
        return {
          type: 'check',
          id,
          result: check(
            typeof request.text === 'string' ? request.text : await request.text.text(),
          ),
        };
      case 'export':
        return {
          type: 'export',
          id,
          result: exportJob(request.what, request.source, request.params),
        };
    }
  } catch (e) {
    const result = { ok: false as const, error: `cannot finish (${message(e)})` };
    return { type: request.type, id, result } as ToolsReply;
  }
}

/** The transferable buffers of a reply. */
export function transferOf(reply: ToolsReply): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const r = reply.result;
  if (!r.ok) return out;
  if ('bytes' in r) out.push(r.bytes.buffer as ArrayBuffer);
  if ('top' in r) out.push(r.top.buffer as ArrayBuffer);
  // A check's imported set's arrays (fresh, owned by this reply) move instead of being copied.
  const imported = 'imported' in r && r.imported.ok ? r.imported : null;
  if (imported !== null && imported.source.kind === 'explicit') {
    const { logits, targets } = imported.source.base;
    for (const buffer of [logits.buffer, targets.buffer] as ArrayBuffer[]) {
      if (!out.includes(buffer)) out.push(buffer);
    }
  }
  return out;
}
