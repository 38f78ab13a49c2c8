/**
 * Parameters at hand on a phone: below 900 px the sliders sit at the top of the page, far from the
 * panel being watched. A button that stays at the bottom of the window ("Parameters") opens a drawer
 * with the same controls (ParamControls) over the lower part of the window. On opening, the panel in
 * view is remembered and scrolled to the top; after every parameter change it is put back there (the
 * panels above it may change height), so moving a slider keeps that panel in view. Escape or the
 * close button shuts the drawer and returns focus to the button. While the drawer is open the
 * page's own controls give way to a blank of their height (one set of sliders, one set of ids, and
 * nothing below moves).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { ParamControls } from './ParamControls.tsx';

/** The panel slot covering most of the window's top half, or null. */
function panelInView(): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestShown = 0;
  const limit = window.innerHeight;
  for (const el of document.querySelectorAll<HTMLElement>('.panel-slot[data-panel]')) {
    const r = el.getBoundingClientRect();
    const shown = Math.min(r.bottom, limit) - Math.max(r.top, 0);
    if (shown > bestShown) {
      best = el;
      bestShown = shown;
    }
  }
  return best;
}

interface DockState {
  readonly open: boolean;
  setOpen(open: boolean): void;
  /** The page's controls' home, measured when the drawer opens. */
  readonly home: { current: HTMLDivElement | null };
  readonly homeHeight: { current: number };
}

const DockContext = createContext<DockState | null>(null);

/** Shares whether the drawer is open between the dock and the page's controls. */
export function DockProvider({ children }: { readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const home = useRef<HTMLDivElement | null>(null);
  const homeHeight = useRef(0);
  const value = useMemo(() => ({ open, setOpen, home, homeHeight }), [open]);
  return <DockContext.Provider value={value}>{children}</DockContext.Provider>;
}

function useDock(): DockState {
  const value = useContext(DockContext);
  if (value === null) throw new Error('The parameters dock needs <DockProvider>');
  return value;
}

/** The page's parameter controls, or a blank of their height while the drawer holds them. */
export function DockedParamControls() {
  const { open, home, homeHeight } = useDock();
  return (
    <div className="params-home" ref={home}>
      {open ? (
        <div className="params-away" style={{ height: `${homeHeight.current}px` }} />
      ) : (
        <ParamControls />
      )}
    </div>
  );
}

export function DockParameters() {
  const s = useT();
  const store = useAppStore();
  const { open, setOpen, home, homeHeight } = useDock();
  const watched = useRef<HTMLElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const drawer = useRef<HTMLDivElement>(null);
  const id = useId();

  const keepInView = useCallback(() => {
    const el = watched.current;
    if (!el || !el.isConnected) return;
    const top = el.getBoundingClientRect().top;
    if (Math.abs(top) > 1) window.scrollBy({ top, behavior: 'auto' });
  }, []);

  const openDrawer = () => {
    watched.current = panelInView();
    homeHeight.current = home.current?.getBoundingClientRect().height ?? 0;
    setOpen(true);
  };
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, [setOpen]);

  useEffect(() => {
    if (!open) return;
    keepInView();
    drawer.current?.querySelector<HTMLElement>('input, select, button')?.focus({
      preventScroll: true,
    });
    // Each change re-lays out the panels; put the watched one back once the new result is drawn.
    let frame = 0;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const unsubscribe = store.subscribe((st, prev) => {
      if (st.params === prev.params && st.shown === prev.shown) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(keepInView);
      timers.push(setTimeout(keepInView, 300));
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    };
  }, [open, store, keepInView]);

  return (
    <div className="dock">
      <button
        type="button"
        ref={button}
        className="dock-button"
        data-testid="dock-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={s('dock.openLabel')}
        onClick={() => (open ? close() : openDrawer())}
      >
        {s('dock.open')}
      </button>
      {open ? (
        <div
          id={id}
          ref={drawer}
          className="dock-drawer"
          role="dialog"
          aria-modal="false"
          aria-label={s('dock.title')}
          data-testid="dock-drawer"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <div className="dock-head">
            <button type="button" onClick={close}>
              {s('dock.close')}
            </button>
          </div>
          <ParamControls />
        </div>
      ) : null}
    </div>
  );
}
