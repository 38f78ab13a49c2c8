/**
 * Wires the store to the engine client: every change of params or candidate source becomes one
 * request (parameters only unless the source changed; the client coalesces a drag), and every reply
 * lands in the store's engine slice; the pinned baseline A is one more request whenever it changes.
 */
import {
  createEngineClient,
  type EngineClient,
  type EngineClientOptions,
} from '../worker/client.ts';
import type { AppStore } from './store.ts';

/** The callbacks connectEngine hands to the client it creates. */
export type ClientCallbacks = Pick<
  EngineClientOptions,
  | 'onResult'
  | 'onError'
  | 'onNotice'
  | 'onBaselineResult'
  | 'onBaselineError'
  | 'onProgress'
  | 'onObjectives'
>;

/**
 * Create the client (by `makeClient`, the real worker client by default), send the current state, and
 * keep sending on every change. Returns the client and a function that stops listening and ends it.
 */
export function connectEngine(
  store: AppStore,
  makeClient: (callbacks: ClientCallbacks) => EngineClient = (callbacks) =>
    createEngineClient(callbacks),
): { client: EngineClient; dispose: () => void } {
  // The client may report (e.g. "cannot start a worker") while it is being created.
  let created: EngineClient | null = null;
  const client = makeClient({
    onResult: (result) => store.getState().engineResult(result),
    onError: (error) => store.getState().engineFailed(error),
    onProgress: (progress) => store.getState().engineProgress(progress),
    onObjectives: (objectives) => store.getState().engineObjectives(objectives),
    onBaselineResult: (result) => store.getState().engineBaselineResult(result),
    onBaselineError: (error) => {
      if (error.latest)
        store.getState().notify(`The baseline could not be computed: ${error.message}`, 'error');
    },
    onNotice: (text, level) => {
      store.getState().notify(text, level);
      if (created) store.getState().setEngineMode(created.mode);
    },
  });
  created = client;
  store.getState().setEngineMode(client.mode);

  const send = () => {
    const { params, source } = store.getState();
    store.getState().engineRequested();
    client.request(params, source);
  };
  // The pinned baseline A goes through the same client, after the current state's request.
  const sendBaseline = () => {
    const baseline = store.getState().baseline;
    if (baseline) client.requestBaseline(baseline.params, baseline.source);
    else client.clearBaseline();
  };
  send();
  sendBaseline();
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.params !== prev.params || state.source !== prev.source) send();
    if (state.baseline !== prev.baseline) sendBaseline();
  });
  return {
    client,
    dispose: () => {
      unsubscribe();
      client.dispose();
    },
  };
}
