/**
 * A streaming compensated sum: numerics.compensatedSum works over an array, the related objectives
 * accumulate terms they compute on the fly.
 */

/**
 * Running Neumaier-compensated sum (error independent of the number of terms to first order; the
 * same scheme as numerics.compensatedSum and d3-array's fsum).
 */
export class Neumaier {
  private s = 0;
  private c = 0;
  /** Adds v; the rounding error of s + v goes into the compensation term. */
  add(v: number): void {
    const t = this.s + v;
    this.c += Math.abs(this.s) >= Math.abs(v) ? this.s - t + v : v - t + this.s;
    this.s = t;
  }
  /** The compensated total so far. */
  value(): number {
    return this.s + this.c;
  }
}
