/**
 * A value that follows `value` while its element is on screen and, while it is not, keeps what it
 * last showed and catches up once changes pause (afterSettling), in an interruptible render. A drag
 * streams a new value every frame; re-rendering what nobody sees at that rate (panels, a table of
 * hundreds of cells) only delays what they do see. An element scrolling into view shows the latest
 * at once.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { afterSettling } from '../scheduling/settle.ts';

/** `visible`: whether the element is on screen (useOnScreen). */
export function useVisibleValue<T>(value: T, visible: boolean): T {
  // The value last shown while off screen (follows `value` while visible).
  const [drawn, setDrawn] = useState(value);
  const key = useRef({}).current;

  useEffect(() => {
    if (Object.is(drawn, value)) return;
    // On screen: remember what is shown (what renders it is memoised: this re-renders nothing).
    if (visible) {
      setDrawn(value);
      return;
    }
    return afterSettling(key, () => startTransition(() => setDrawn(value)));
  }, [visible, value, drawn, key]);

  return visible ? value : drawn;
}
