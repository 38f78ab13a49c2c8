/**
 * A pure function's last result per key object, kept outside React. A panel's update is an
 * interruptible render: when React throws one away (a newer input arrived) its useMemo results go
 * with it, and a render whose memos cost more than the gap between two inputs restarted forever.
 * Results cached here survive the restart, so every attempt makes progress. Weakly held: a result
 * goes when its key (a result's detail arrays) does.
 */

/**
 * `fn` memoised on its first argument's identity (weakly) and the rest by Object.is: one result per
 * key, for the last arguments it was called with.
 */
export function memoByKey<K extends object, A extends readonly unknown[], V>(
  fn: (key: K, ...args: A) => V,
): (key: K, ...args: A) => V {
  const cache = new WeakMap<K, { args: A; value: V }>();
  return (key, ...args) => {
    const hit = cache.get(key);
    if (hit && hit.args.length === args.length && hit.args.every((a, i) => Object.is(a, args[i]))) {
      return hit.value;
    }
    const value = fn(key, ...args);
    cache.set(key, { args, value });
    return value;
  };
}
