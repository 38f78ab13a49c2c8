// A tiny reverse-mode automatic differentiation over scalars, with a rounding hook (identity for
// float64, Math.fround for float32): the test's own way to get a port's gradient, the way PyTorch's
// autograd does, independent of the closed-form gradients in src/engine and src/check.

/** A node of the tape (its index). */
export type V = number;

export class Tape {
  readonly val: number[] = [];
  private readonly parents: V[][] = [];
  private readonly locals: number[][] = [];

  constructor(readonly r: (x: number) => number) {}

  private push(x: number, parents: V[] = [], locals: number[] = []): V {
    this.val.push(this.r(x));
    this.parents.push(parents);
    this.locals.push(locals);
    return this.val.length - 1;
  }

  leaf(x: number): V {
    return this.push(x);
  }
  constant(x: number): V {
    return this.push(x);
  }
  add(a: V, b: V): V {
    return this.push(this.val[a] + this.val[b], [a, b], [1, 1]);
  }
  sub(a: V, b: V): V {
    return this.push(this.val[a] - this.val[b], [a, b], [1, -1]);
  }
  mul(a: V, b: V): V {
    return this.push(this.val[a] * this.val[b], [a, b], [this.val[b], this.val[a]]);
  }
  div(a: V, b: V): V {
    const q = this.r(this.val[a] / this.val[b]);
    return this.push(q, [a, b], [this.r(1 / this.val[b]), this.r(-q / this.val[b])]);
  }
  scale(a: V, c: number): V {
    const cr = this.r(c);
    return this.push(this.val[a] * cr, [a], [cr]);
  }
  shift(a: V, c: number): V {
    return this.push(this.val[a] + this.r(c), [a], [1]);
  }
  exp(a: V): V {
    const e = this.r(Math.exp(this.val[a]));
    return this.push(e, [a], [e]);
  }
  log(a: V): V {
    return this.push(Math.log(this.val[a]), [a], [this.r(1 / this.val[a])]);
  }
  /** torch.sigmoid: backward y·(1 − y). */
  sigmoid(a: V): V {
    const x = this.val[a];
    const y = this.r(x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
    return this.push(y, [a], [this.r(y * this.r(1 - y))]);
  }
  relu(a: V): V {
    return this.push(Math.max(0, this.val[a]), [a], [this.val[a] > 0 ? 1 : 0]);
  }
  sum(xs: readonly V[]): V {
    let s = this.constant(0);
    for (const x of xs) s = this.add(s, x);
    return s;
  }
  /** torch.softmax over the nodes (max-subtracted; the max carries no gradient, as it cancels). */
  softmax(xs: readonly V[]): V[] {
    let m = -Infinity;
    for (const x of xs) m = Math.max(m, this.val[x]);
    const e = xs.map((x) => this.exp(this.shift(x, -m)));
    const s = this.sum(e);
    return e.map((ei) => this.div(ei, s));
  }

  /** d out / d node for every node (reverse sweep, rounded like the forward). */
  backward(out: V): Float64Array {
    const adj = new Float64Array(this.val.length);
    adj[out] = 1;
    for (let i = out; i >= 0; i--) {
      if (adj[i] === 0) continue;
      const ps = this.parents[i];
      for (let k = 0; k < ps.length; k++) {
        adj[ps[k]] = this.r(adj[ps[k]] + this.r(adj[i] * this.locals[i][k]));
      }
    }
    return adj;
  }
}
