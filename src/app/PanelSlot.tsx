/**
 * One explainer panel, kept live while it is on screen and brought up to date in idle time when it
 * is not. Every result re-renders the panels; doing all eight in one commit cost main-thread tasks
 * over 50 ms at detection scale (KaTeX and SVG for charts nobody is looking at). So a panel outside
 * the viewport (plus a margin) keeps the props it last drew with and catches up once changes pause
 * for SETTLE_MS, in idle time, one panel per idle period, in an interruptible render: off-screen
 * panels follow every change a moment after it, and a panel scrolling into view draws the latest
 * props at once.
 */
import { startTransition, useEffect, useRef, useState, type ComponentType } from 'react';
import type { PanelProps } from '../panels/types.ts';
import { enqueueIdle } from './idleQueue.ts';
import { useOnScreen } from './useOnScreen.ts';

/** Quiet time after the last change before off-screen panels catch up (ms). */
export const SETTLE_MS = 200;

export interface PanelSlotProps {
  readonly Panel: ComponentType<PanelProps>;
  /** The latest props (one object shared by every slot; a new object means something changed). */
  readonly props: PanelProps;
}

export function PanelSlot({ Panel, props }: PanelSlotProps) {
  const [ref, visible] = useOnScreen<HTMLDivElement>('300px');
  // The props this panel last drew with while off screen (follows `props` while visible).
  const [drawn, setDrawn] = useState(props);
  const key = useRef({}).current;

  useEffect(() => {
    if (drawn === props) return;
    // On screen: remember what is drawn (the panel itself is memoised: this re-renders nothing).
    if (visible) {
      setDrawn(props);
      return;
    }
    // Off screen: once the changes pause (a drag streams new props every frame), catch up when the
    // main thread is idle, in a render of this panel alone.
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = enqueueIdle(key, () => startTransition(() => setDrawn(props)));
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, [visible, props, drawn, key]);

  return (
    <div className="panel-slot" ref={ref}>
      <Panel {...(visible ? props : drawn)} />
    </div>
  );
}
