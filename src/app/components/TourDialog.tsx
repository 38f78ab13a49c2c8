/**
 * The guided tour: a non-modal dialog at the bottom of the window walking the paper's argument in
 * TOUR_STEPS order. Each step sets its candidates and parameters (one undo step), scrolls its panel
 * into view and says what to look at and what to try. "Back" and "Next" move; Escape or "Close tour"
 * leaves, keeping the step's settings. The open step lives in the link (`tour=<n>`), so a teacher can
 * send "step 4"; "Link to this step" is that step's own short link.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import { persistedOf } from '../../state/store.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { isDefaultChoice, stepChoice } from '../tour/applyStep.ts';
import { TOUR_STEPS, stepAt } from '../tour/steps.ts';

/** Scroll the step's panel to the top of the window, again while the panels above it mount. */
function scrollToPanel(panel: string): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const go = () =>
    document.getElementById(`panel-${panel}`)?.scrollIntoView({ block: 'start', behavior: 'auto' });
  go();
  for (const ms of [150, 400, 900, 1600]) timers.push(setTimeout(go, ms));
  return () => timers.forEach(clearTimeout);
}

/** The "Guided tour" button of the header: opens the tour at step 1 (or where the link left it). */
export function TourButton() {
  const s = useT();
  const store = useAppStore();
  const open = useApp((st) => st.lesson.tour !== null);
  return (
    <button
      type="button"
      className="tour-start"
      id="tour-start"
      aria-expanded={open}
      data-testid="tour-start"
      onClick={() => {
        const st = store.getState();
        st.setChoice(stepChoice(TOUR_STEPS[0]!, persistedOf(st)));
        st.setLesson({ tour: 1 });
      }}
    >
      {s('tour.start')}
    </button>
  );
}

export function TourDialog() {
  const s = useT();
  const store = useAppStore();
  const tour = useApp((st) => st.lesson.tour);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = tour !== null;
  const current = open ? stepAt(tour) : null;
  const number = current?.number ?? 0;
  const panel = current?.step.panel ?? null;

  const go = useCallback(
    (n: number) => {
      const { number: to, step } = stepAt(n);
      const st = store.getState();
      st.setChoice(stepChoice(step, persistedOf(st)));
      st.setLesson({ tour: to });
    },
    [store],
  );
  const close = useCallback(() => {
    store.getState().setLesson({ tour: null });
    document.getElementById('tour-start')?.focus();
  }, [store]);

  // A step link without settings of its own (`#tour=4`) sets the step's; a link carrying a teacher's
  // settings keeps them.
  useEffect(() => {
    if (!open) return;
    const st = store.getState();
    if (isDefaultChoice(persistedOf(st))) go(number);
  }, [open, number, go, store]);

  useEffect(() => (panel ? scrollToPanel(panel) : undefined), [panel, number]);

  // Opening moves focus into the dialog; moving between steps keeps it on the button pressed.
  useEffect(() => {
    if (open) headingRef.current?.focus({ preventScroll: true });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close]);

  if (!current) return null;
  const { step } = current;
  const total = TOUR_STEPS.length;
  return (
    <section
      className="tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid="tour"
      data-step={step.id}
    >
      <p className="tour-count" aria-live="polite">
        {s('tour.stepOf', { n: number, total })}
      </p>
      <h2 id={titleId} ref={headingRef} tabIndex={-1}>
        {s(step.title)}
      </h2>
      <p id={bodyId}>{s(step.body)}</p>
      <p className="tour-try">
        <strong>{s('tour.try')}</strong> {s(step.tryThis)}
      </p>
      <div className="tour-actions">
        <button type="button" onClick={() => go(number - 1)} disabled={number <= 1}>
          {s('tour.back')}
        </button>
        <button type="button" onClick={() => go(number + 1)} disabled={number >= total}>
          {s('tour.next')}
        </button>
        <a href={`#v=1&tour=${number}`} data-testid="tour-link">
          {s('tour.link')}
        </a>
        <button type="button" onClick={close}>
          {s('tour.close')}
        </button>
      </div>
      <p className="note">{s('tour.keys')}</p>
    </section>
  );
}
