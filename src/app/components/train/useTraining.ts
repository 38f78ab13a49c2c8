/**
 * The Train section's connection to its worker: one client per mounted section, a restart whenever
 * what the numbers depend on changes (the setup, the DR parameters, and when it trains on the
 * candidate set, the set's source; the play speed is left out), and a redraw counter that moves at most once per
 * animation frame however fast the worker posts. Drawing is throttled; computing is not.
 */
import { useEffect, useMemo, useState } from 'react';
import { toEngineParams } from '../../../params/table.ts';
import { createTrainClient, type TrainClient } from '../../../worker/trainClient.ts';
import { usesSet, type TrainSetup } from '../../../worker/trainSetup.ts';
import { useApp } from '../../hooks/context.tsx';

declare global {
  interface Window {
    /** The mounted Train section's client (tests: the pool size, a pool worker crash, the record). */
    __drTrain?: TrainClient;
  }
}

/** A restart waits this long after the last change (a λ drag restarts once it pauses). */
export const RESTART_DEBOUNCE_MS = 150;

/** What the numbers depend on, as one object per distinct training. */
function useTrainInputs(enabled: boolean) {
  const setup = useApp((s) => s.train.setup);
  const onSet = usesSet(setup);
  // Until the section is used, a parameter drag does not even re-render it.
  const params = useApp((s) => (enabled ? s.params : null));
  const source = useApp((s) => (enabled && onSet ? s.source : null));
  // Speed changes the view only: a setup that differs in speed alone is the same training.
  const key = useMemo(() => ({ ...setup, speed: 0 }) as TrainSetup, [setup]);
  const sameKey = JSON.stringify(key);
  const engine = useMemo(() => (params ? toEngineParams(params) : null), [params]);
  const src = source;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => ({ setup: key, params: engine, source: src }), [sameKey, engine, src]);
}

/**
 * The client, a redraw counter, and `current`: false from a change of the inputs until the training
 * for them has been started (the record then belongs to an older setup and is not to be shown).
 */
export function useTraining(enabled: boolean): {
  client: TrainClient | null;
  version: number;
  current: boolean;
} {
  const [client, setClient] = useState<TrainClient | null>(null);
  const [version, setVersion] = useState(0);
  const [started, setStarted] = useState<object | null>(null);
  const inputs = useTrainInputs(enabled);

  useEffect(() => {
    if (!enabled) return;
    const c = createTrainClient();
    setClient(c);
    // Debug hook for tests and benchmarks, beside window.__dr: setPoolSize, crashPoolWorker, record
    window.__drTrain = c;
    let frame = 0;
    const unsubscribe = c.subscribe(() => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion(c.version());
      });
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
      c.dispose();
      if (window.__drTrain === c) delete window.__drTrain;
      setClient(null);
    };
  }, [enabled]);

  useEffect(() => {
    const params = inputs.params;
    if (!client || params === null) return;
    // The first start is immediate; later ones wait for the changes to pause.
    const start = () => {
      client.start(inputs.setup, params, inputs.source);
      setStarted(inputs);
    };
    if (client.version() === 0) {
      start();
      return;
    }
    const timer = setTimeout(start, RESTART_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, inputs]);

  return { client, version, current: started === inputs };
}
