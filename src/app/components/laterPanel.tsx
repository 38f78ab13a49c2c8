/**
 * A panel below the fold, as its own chunk. Its slot fetches the chunk (`preload`) when the panel's
 * turn to mount comes, and mounts it only once it is here, in a render of its own. With React.lazy
 * alone the slot mounted first and suspended; the chunks' arrivals were then rendered together, in
 * one low-priority render that every newer update restarted (retries never expire). On a loaded
 * machine it starved until the next urgent render of the explainer took it in whole: an import's
 * result then mounted four panels in its own task (130–570 ms with two CPU hogs beside the browser).
 */
import { lazy, memo, type ComponentType } from 'react';
import type { PanelProps } from '../../panels/types.ts';

/** A panel component; a chunked one says how to fetch itself before it is first rendered. */
export type PanelComponent = ComponentType<PanelProps> & {
  /** Fetch the panel's chunk (once); resolves when it can render without suspending. */
  readonly preload?: () => Promise<unknown>;
};

/** The panel `name` of the chunk `load()` fetches. */
export function laterPanel<K extends string>(
  load: () => Promise<Record<K, ComponentType<PanelProps>>>,
  name: K,
): PanelComponent {
  let Loaded: ComponentType<PanelProps> | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () =>
    (loading ??= load().then((module) => {
      Loaded = module[name];
    }));
  // Rendered before its chunk is here (a slot that mounts at once, where there is no
  // IntersectionObserver): suspends like React.lazy, on the same fetch.
  const Lazy = lazy(async () => {
    await preload();
    return { default: Loaded! };
  });
  function LaterPanel(props: PanelProps) {
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(memo(LaterPanel), { preload });
}
