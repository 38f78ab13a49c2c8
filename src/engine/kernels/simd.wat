;; The engine's hot loops in WebAssembly with 128-bit SIMD (two float64 lanes), compiled by
;; scripts/buildWasm.ts (wabt) into simdWasm.ts, which is what the engine loads (simd.ts).
;;
;; Every function computes exactly what its TypeScript twin computes, operation for operation and in
;; the same order, so the two paths give the same doubles bit for bit (tests/engine/kernels/simd.test.ts):
;;   $exp2 / $exp1      fastExp.ts expFast (per lane)
;;   $sigmoid           fastExp.ts sigmoidFast, in place
;;   $pool_chunk        pool.ts fillOneClass / fillClasses on a chunk of rows
;;   $grid_table        gridExp.ts gridTable
;;   $tilt_grid         tilted.ts uniformGridLoop on a chunk
;;   $tilt_exp          tilted.ts uniformLoop on a chunk
;;   $pool_one          the same for K = 1, without branches
;;   $gradient          evaluate.ts gradientPass on a chunk
;; WebAssembly's f64 and f64x2 add, sub, mul and div round to nearest like JavaScript's, and nothing
;; here fuses a multiply-add, so equal operations in equal order give equal results. Sums are the one
;; place where SIMD reorders: the TypeScript loops sum each block of 1024 terms as two interleaved
;; partial sums, even and odd entries, which are exactly the two lanes here (the chunk boundaries on
;; block boundaries).
;;
;; Memory (bytes; fixed size, never grown, so the JavaScript views of it stay valid):
;;   0        EXP2   2^(j/256), j = 0..255 (exp2Table.ts, copied in by simd.ts)
;;   2048     SLOTS  running totals carried between chunk calls (see each function)
;;   4096     GRID   gridTable's T_m, m = 0..65536
;;   532480   F0..F3 four float64 chunk buffers of CHUNK = 8192 entries (65536 bytes each)
;;   794624   I0..I2 three int32 chunk buffers of CHUNK entries (32768 bytes each)
;;   892928   W      a float64 window of 2·CHUNK entries of gradLogits for $gradient's scatter
;;   1024000  end (16 pages of 64 KiB = 1048576)
;; Constants are written as hex floats: the exact doubles of the TypeScript constants.
(module
  (import "m" "exp" (func $mexp (param f64) (result f64)))
  (memory (export "memory") 16 16)

  ;; expFast(x) for one double (fastExp.ts): 2^k · T_j · (1 + P(r)); outside (−708.39, 709.78), and for
  ;; NaN, Math.exp (0 below −746).
  (func $exp1 (param $x f64) (result f64)
    (local $nd f64) (local $n i32) (local $r f64) (local $t f64)
    (if (i32.eqz (i32.and (f64.gt (local.get $x) (f64.const -0x1.6231eb851eb85p9))
                          (f64.lt (local.get $x) (f64.const 0x1.62e3d70a3d70ap9))))
      (then
        (if (f64.lt (local.get $x) (f64.const -746)) (then (return (f64.const 0))))
        (return (call $mexp (local.get $x)))))
    ;; nd = x·256/ln2 + 1.5·2^52 − 1.5·2^52 (round to nearest)
    (local.set $nd (f64.sub (f64.add (f64.mul (local.get $x) (f64.const 0x1.71547652b82fep8))
                                     (f64.const 0x1.8p52))
                            (f64.const 0x1.8p52)))
    (local.set $n (i32.trunc_f64_s (local.get $nd)))
    ;; r = x − nd·C1 − nd·C2 (Cody–Waite)
    (local.set $r (f64.sub (f64.sub (local.get $x) (f64.mul (local.get $nd) (f64.const 0x1.62e42fee00000p-9)))
                           (f64.mul (local.get $nd) (f64.const 0x1.a39ef35793c76p-41))))
    (local.set $t (f64.load (i32.shl (i32.and (local.get $n) (i32.const 255)) (i32.const 3))))
    ;; 2^k (k = n >> 8) built from its bits, times t + t·r(1 + r(1/2 + r(1/6 + r/24)))
    (f64.mul
      (f64.reinterpret_i64 (i64.shl (i64.extend_i32_s (i32.add (i32.shr_s (local.get $n) (i32.const 8))
                                                              (i32.const 1023)))
                                    (i64.const 52)))
      (f64.add (local.get $t)
        (f64.mul (local.get $t)
          (f64.mul (local.get $r)
            (f64.add (f64.const 1)
              (f64.mul (local.get $r)
                (f64.add (f64.const 0.5)
                  (f64.mul (local.get $r)
                    (f64.add (f64.const 0x1.5555555555555p-3)
                      (f64.mul (local.get $r) (f64.const 0x1.5555555555555p-5))))))))))))

  ;; expFast of both lanes; a vector with a lane outside the table's range goes lane by lane. n is read
  ;; from the bits of x·256/ln2 + 1.5·2^52 (n + 0x4338000000000000 as an integer, |n| < 2^19), which
  ;; spares a float-to-int conversion; 2^k = 2^(n >> 8) is built as ((n << 44) with its low 52 bits
  ;; cleared) + 1023·2^52, i.e. (k + 1023)·2^52, the bits of 2^k for a normal result.
  (func $exp2 (param $x v128) (result v128)
    (local $sh v128) (local $n v128) (local $nd v128) (local $r v128) (local $t v128)
    (if (i32.eqz (i64x2.all_true
                   (v128.and (f64x2.gt (local.get $x) (v128.const f64x2 -0x1.6231eb851eb85p9 -0x1.6231eb851eb85p9))
                             (f64x2.lt (local.get $x) (v128.const f64x2 0x1.62e3d70a3d70ap9 0x1.62e3d70a3d70ap9)))))
      (then
        (return (f64x2.replace_lane 1
                  (f64x2.splat (call $exp1 (f64x2.extract_lane 0 (local.get $x))))
                  (call $exp1 (f64x2.extract_lane 1 (local.get $x)))))))
    (local.set $sh (f64x2.add (f64x2.mul (local.get $x) (v128.const f64x2 0x1.71547652b82fep8 0x1.71547652b82fep8))
                              (v128.const f64x2 0x1.8p52 0x1.8p52)))
    (local.set $n (i64x2.sub (local.get $sh) (v128.const i64x2 0x4338000000000000 0x4338000000000000)))
    (local.set $nd (f64x2.sub (local.get $sh) (v128.const f64x2 0x1.8p52 0x1.8p52)))
    (local.set $r (f64x2.sub (f64x2.sub (local.get $x) (f64x2.mul (local.get $nd) (v128.const f64x2 0x1.62e42fee00000p-9 0x1.62e42fee00000p-9)))
                             (f64x2.mul (local.get $nd) (v128.const f64x2 0x1.a39ef35793c76p-41 0x1.a39ef35793c76p-41))))
    ;; byte offsets of T_j, j = n & 255, in int32 lanes 0 and 2; two scalar loads (no gather)
    (local.set $t (i32x4.shl (v128.and (local.get $n) (v128.const i32x4 255 0 255 0)) (i32.const 3)))
    (local.set $t (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $t))
                    (v128.load64_zero (i32x4.extract_lane 0 (local.get $t)))))
    (f64x2.mul
      (i64x2.add (v128.and (i64x2.shl (local.get $n) (i32.const 44))
                           (v128.const i64x2 0xfff0000000000000 0xfff0000000000000))
                 (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
      (f64x2.add (local.get $t)
        (f64x2.mul (local.get $t)
          (f64x2.mul (local.get $r)
            (f64x2.add (v128.const f64x2 1 1)
              (f64x2.mul (local.get $r)
                (f64x2.add (v128.const f64x2 0.5 0.5)
                  (f64x2.mul (local.get $r)
                    (f64x2.add (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)
                      (f64x2.mul (local.get $r) (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))))))))))))

  ;; sigmoidFast of one double: (h + (1 − h)·E)/(1 + E), E = expFast(−|x|), h = 1 if x ≥ 0 else 0.
  (func $sigmoid1 (param $x f64) (result f64)
    (local $e f64) (local $h f64)
    (local.set $e (call $exp1 (f64.neg (f64.abs (local.get $x)))))
    (local.set $h (f64.convert_i32_u (f64.ge (local.get $x) (f64.const 0))))
    (f64.div (f64.add (local.get $h) (f64.mul (f64.sub (f64.const 1) (local.get $h)) (local.get $e)))
             (f64.add (f64.const 1) (local.get $e))))

  ;; x_i ← sigmoidFast(x_i) for the n doubles at byte offset $at: (h + (1 − h)·E)/(1 + E) with
  ;; E = expFast(−|x|) (the body of $exp2, written out here: Node's V8 does not inline WebAssembly
  ;; calls, and this is the engine's hottest loop), h = 1 if x ≥ 0 else 0.
  (func $sigmoid (export "sigmoid") (param $at i32) (param $n i32)
    (local $end i32) (local $x v128) (local $a v128) (local $e v128) (local $h v128)
    (local $sh v128) (local $k v128) (local $nd v128) (local $r v128) (local $t v128)
    (local.set $end (i32.add (local.get $at) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $x (v128.load (local.get $at)))
        (local.set $a (f64x2.neg (f64x2.abs (local.get $x))))
        ;; a = −|x| ≤ 0: the table's range needs only a > −708.39 (false for NaN, which goes to $exp2)
        (if (i64x2.all_true (f64x2.gt (local.get $a) (v128.const f64x2 -0x1.6231eb851eb85p9 -0x1.6231eb851eb85p9)))
          (then
            (local.set $sh (f64x2.add (f64x2.mul (local.get $a) (v128.const f64x2 0x1.71547652b82fep8 0x1.71547652b82fep8))
                                      (v128.const f64x2 0x1.8p52 0x1.8p52)))
            (local.set $k (i64x2.sub (local.get $sh) (v128.const i64x2 0x4338000000000000 0x4338000000000000)))
            (local.set $nd (f64x2.sub (local.get $sh) (v128.const f64x2 0x1.8p52 0x1.8p52)))
            (local.set $r (f64x2.sub (f64x2.sub (local.get $a) (f64x2.mul (local.get $nd) (v128.const f64x2 0x1.62e42fee00000p-9 0x1.62e42fee00000p-9)))
                                     (f64x2.mul (local.get $nd) (v128.const f64x2 0x1.a39ef35793c76p-41 0x1.a39ef35793c76p-41))))
            (local.set $t (i32x4.shl (v128.and (local.get $k) (v128.const i32x4 255 0 255 0)) (i32.const 3)))
            (local.set $t (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $t))
                            (v128.load64_zero (i32x4.extract_lane 0 (local.get $t)))))
            (local.set $e
              (f64x2.mul
                (i64x2.add (v128.and (i64x2.shl (local.get $k) (i32.const 44))
                                     (v128.const i64x2 0xfff0000000000000 0xfff0000000000000))
                           (v128.const i64x2 0x3ff0000000000000 0x3ff0000000000000))
                (f64x2.add (local.get $t)
                  (f64x2.mul (local.get $t)
                    (f64x2.mul (local.get $r)
                      (f64x2.add (v128.const f64x2 1 1)
                        (f64x2.mul (local.get $r)
                          (f64x2.add (v128.const f64x2 0.5 0.5)
                            (f64x2.mul (local.get $r)
                              (f64x2.add (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)
                                (f64x2.mul (local.get $r) (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)))))))))))))
          (else (local.set $e (call $exp2 (local.get $a)))))
        (local.set $h (v128.bitselect (v128.const f64x2 1 1) (v128.const f64x2 0 0)
                                      (f64x2.ge (local.get $x) (v128.const f64x2 0 0))))
        (v128.store (local.get $at)
          (f64x2.div (f64x2.add (local.get $h)
                                (f64x2.mul (f64x2.sub (v128.const f64x2 1 1) (local.get $h)) (local.get $e)))
                     (f64x2.add (v128.const f64x2 1 1) (local.get $e))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then (f64.store (local.get $end) (call $sigmoid1 (f64.load (local.get $end)))))))

  ;; pool_chunk for K = 1, without branches on the label: every entry is stored at the next slot of
  ;; both sets, and only the counter of its own set moves on (a slot no further than the row). An
  ;; ignored row (target < 0) moves neither and adds 0 to Σp, so its logit, even NaN, changes nothing.
  ;; Same results, buffers and slots as pool_chunk.
  (func (export "pool_one") (param $rows i32) (param $base i32) (result i32)
    (local $r i32) (local $t i32) (local $pos i32) (local $kept i32) (local $p f64)
    (local $ip i32) (local $in i32) (local $sum f64) (local $min f64) (local $max f64)
    (call $sigmoid (i32.const 532480) (local.get $rows))
    (local.set $sum (f64.load (i32.const 2056)))
    (local.set $min (f64.load (i32.const 2064)))
    (local.set $max (f64.load (i32.const 2072)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $p (f64.load offset=532480 (i32.shl (local.get $r) (i32.const 3))))
        (local.set $t (i32.load offset=794624 (i32.shl (local.get $r) (i32.const 2))))
        (local.set $pos (i32.eq (local.get $t) (i32.const 1)))
        (local.set $kept (i32.ge_s (local.get $t) (i32.const 0)))
        (f64.store offset=598016 (i32.shl (local.get $ip) (i32.const 3)) (local.get $p))
        (i32.store offset=827392 (i32.shl (local.get $ip) (i32.const 2)) (i32.add (local.get $base) (local.get $r)))
        (f64.store offset=663552 (i32.shl (local.get $in) (i32.const 3)) (local.get $p))
        (i32.store offset=860160 (i32.shl (local.get $in) (i32.const 2)) (i32.add (local.get $base) (local.get $r)))
        (local.set $sum (f64.add (local.get $sum) (select (local.get $p) (f64.const 0) (local.get $kept))))
        (local.set $min (select (local.get $p) (local.get $min)
                                (i32.and (local.get $pos) (f64.lt (local.get $p) (local.get $min)))))
        (local.set $max (select (local.get $p) (local.get $max)
                                (i32.and (i32.sub (local.get $kept) (local.get $pos))
                                         (f64.gt (local.get $p) (local.get $max)))))
        (local.set $ip (i32.add (local.get $ip) (local.get $pos)))
        (local.set $in (i32.add (local.get $in) (i32.sub (local.get $kept) (local.get $pos))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (i32.store (i32.const 2048) (local.get $ip))
    (f64.store (i32.const 2056) (local.get $sum))
    (f64.store (i32.const 2064) (local.get $min))
    (f64.store (i32.const 2072) (local.get $max))
    (local.get $in))

  ;; pool's fill on $rows rows of $K logits (F0, overwritten by their sigmoids) and targets (I0), the
  ;; first row's flat index being $base: entry (r, c) goes to the positives (F1 p, I1 flat index) iff
  ;; target = c + 1, to the negatives (F2 p, I2 flat index) iff target ≥ 0 otherwise, in flat order.
  ;; Returns the number of negatives written; SLOTS+0 (i32) gets the number of positives. Carried
  ;; between calls: SLOTS+8 Σp (NaN iff a kept logit is NaN), SLOTS+16 min p+, SLOTS+24 max p−.
  (func (export "pool_chunk") (param $rows i32) (param $K i32) (param $base i32) (result i32)
    (local $r i32) (local $c i32) (local $t i32) (local $i i32) (local $p f64)
    (local $ip i32) (local $in i32) (local $sum f64) (local $min f64) (local $max f64)
    (call $sigmoid (i32.const 532480) (i32.mul (local.get $rows) (local.get $K)))
    (local.set $sum (f64.load (i32.const 2056)))
    (local.set $min (f64.load (i32.const 2064)))
    (local.set $max (f64.load (i32.const 2072)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $t (i32.load (i32.add (i32.const 794624) (i32.shl (local.get $r) (i32.const 2)))))
        (if (i32.ge_s (local.get $t) (i32.const 0))
          (then
            (local.set $c (i32.const 0))
            (loop $class
              (local.set $i (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $c)))
              (local.set $p (f64.load (i32.add (i32.const 532480) (i32.shl (local.get $i) (i32.const 3)))))
              (local.set $sum (f64.add (local.get $sum) (local.get $p)))
              (if (i32.eq (local.get $t) (i32.add (local.get $c) (i32.const 1)))
                (then
                  (f64.store (i32.add (i32.const 598016) (i32.shl (local.get $ip) (i32.const 3))) (local.get $p))
                  (i32.store (i32.add (i32.const 827392) (i32.shl (local.get $ip) (i32.const 2)))
                             (i32.add (local.get $base) (local.get $i)))
                  (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
                  (if (f64.lt (local.get $p) (local.get $min)) (then (local.set $min (local.get $p)))))
                (else
                  (f64.store (i32.add (i32.const 663552) (i32.shl (local.get $in) (i32.const 3))) (local.get $p))
                  (i32.store (i32.add (i32.const 860160) (i32.shl (local.get $in) (i32.const 2)))
                             (i32.add (local.get $base) (local.get $i)))
                  (local.set $in (i32.add (local.get $in) (i32.const 1)))
                  (if (f64.gt (local.get $p) (local.get $max)) (then (local.set $max (local.get $p))))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br_if $class (i32.lt_u (local.get $c) (local.get $K))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (i32.store (i32.const 2048) (local.get $ip))
    (f64.store (i32.const 2056) (local.get $sum))
    (f64.store (i32.const 2064) (local.get $min))
    (f64.store (i32.const 2072) (local.get $max))
    (local.get $in))

  ;; gridTable: GRID[m] = expFast((m·(1/M) − shift)·scale), m = 0..M.
  (func (export "grid_table") (param $scale f64) (param $shift f64) (param $M i32)
    (local $invM f64) (local $m i32) (local $at i32) (local $mv v128)
    (local.set $invM (f64.div (f64.const 1) (f64.convert_i32_s (local.get $M))))
    (local.set $at (i32.const 4096))
    (local.set $mv (v128.const f64x2 0 1))
    ;; pairs m, m + 1 while m + 1 ≤ M, then m = M alone when M is even (M + 1 entries)
    (block $done
      (loop $pairs
        (br_if $done (i32.gt_s (i32.add (local.get $m) (i32.const 1)) (local.get $M)))
        (v128.store (local.get $at)
          (call $exp2 (f64x2.mul (f64x2.sub (f64x2.mul (local.get $mv) (f64x2.splat (local.get $invM)))
                                            (f64x2.splat (local.get $shift)))
                                 (f64x2.splat (local.get $scale)))))
        (local.set $mv (f64x2.add (local.get $mv) (v128.const f64x2 2 2)))
        (local.set $m (i32.add (local.get $m) (i32.const 2)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs)))
    (if (i32.le_s (local.get $m) (local.get $M))
      (then (f64.store (local.get $at)
              (call $exp1 (f64.mul (f64.sub (f64.mul (f64.convert_i32_s (local.get $m)) (local.get $invM))
                                            (local.get $shift))
                                   (local.get $scale)))))))

  ;; gridExp of p from GRID (gridExp.ts): T[md] + T[md]·P(y), md = round(p·M), y = (p − md/M)·scale.
  (func $grid1 (param $p f64) (param $M f64) (param $invM f64) (param $scale f64) (result f64)
    (local $md f64) (local $y f64) (local $t f64)
    (local.set $md (f64.sub (f64.add (f64.mul (local.get $p) (local.get $M)) (f64.const 0x1.8p52)) (f64.const 0x1.8p52)))
    (local.set $y (f64.mul (f64.sub (local.get $p) (f64.mul (local.get $md) (local.get $invM))) (local.get $scale)))
    (local.set $t (f64.load offset=4096 (i32.shl (i32.trunc_f64_s (local.get $md)) (i32.const 3))))
    (f64.add (local.get $t)
      (f64.mul (local.get $t)
        (f64.mul (local.get $y)
          (f64.add (f64.const 1)
            (f64.mul (local.get $y)
              (f64.add (f64.const 0.5)
                (f64.mul (local.get $y)
                  (f64.add (f64.const 0x1.5555555555555p-3)
                    (f64.mul (local.get $y) (f64.const 0x1.5555555555555p-5)))))))))))

  ;; The tilted sums of n scores p ∈ [0, 1] (F0) by the table: e = gridExp(p) (into F1 when $store),
  ;; S += e, SDP += e·(p − ext), SE2 += e², in blocks of 1024 terms, each summed as two interleaved
;; partial sums (even and odd entries) then added, as tilted.ts. The chunk must start
  ;; on a block boundary of the whole set. Carried between calls: SLOTS+32 S, +40 SDP, +48 SE2.
  (func (export "tilt_grid") (param $n i32) (param $store i32) (param $M f64) (param $scale f64) (param $ext f64)
    (local $invM f64) (local $b i32) (local $j i32) (local $end i32) (local $pairsEnd i32)
    (local $S f64) (local $Sdp f64) (local $S2 f64) (local $sv v128) (local $sdpv v128) (local $s2v v128)
    (local $p v128) (local $md v128) (local $y v128) (local $t v128) (local $k v128) (local $e v128)
    (local $ed v128) (local $ee v128) (local $e1 f64) (local $p1 f64)
    (local $Mv v128) (local $invMv v128) (local $scalev v128) (local $extv v128)
    (local.set $invM (f64.div (f64.const 1) (local.get $M)))
    (local.set $Mv (f64x2.splat (local.get $M)))
    (local.set $invMv (f64x2.splat (local.get $invM)))
    (local.set $scalev (f64x2.splat (local.get $scale)))
    (local.set $extv (f64x2.splat (local.get $ext)))
    (local.set $S (f64.load (i32.const 2080)))
    (local.set $Sdp (f64.load (i32.const 2088)))
    (local.set $S2 (f64.load (i32.const 2096)))
    (block $blocksDone
      (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $n)))
        (local.set $end (select (i32.add (local.get $b) (i32.const 1024)) (local.get $n)
                                (i32.lt_u (i32.add (local.get $b) (i32.const 1024)) (local.get $n))))
        (local.set $pairsEnd (i32.sub (local.get $end) (i32.and (i32.sub (local.get $end) (local.get $b)) (i32.const 1))))
        (local.set $sv (v128.const f64x2 0 0)) (local.set $sdpv (v128.const f64x2 0 0)) (local.set $s2v (v128.const f64x2 0 0))
        (local.set $j (local.get $b))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairsEnd)))
            (local.set $p (v128.load offset=532480 (i32.shl (local.get $j) (i32.const 3))))
            (local.set $md (f64x2.sub (f64x2.add (f64x2.mul (local.get $p) (local.get $Mv)) (v128.const f64x2 0x1.8p52 0x1.8p52))
                                      (v128.const f64x2 0x1.8p52 0x1.8p52)))
            (local.set $y (f64x2.mul (f64x2.sub (local.get $p) (f64x2.mul (local.get $md) (local.get $invMv))) (local.get $scalev)))
            (local.set $k (i32x4.shl (i32x4.trunc_sat_f64x2_s_zero (local.get $md)) (i32.const 3)))
            (local.set $t (v128.load64_lane offset=4096 1 (i32x4.extract_lane 1 (local.get $k))
                            (v128.load64_zero offset=4096 (i32x4.extract_lane 0 (local.get $k)))))
            (local.set $e
              (f64x2.add (local.get $t)
                (f64x2.mul (local.get $t)
                  (f64x2.mul (local.get $y)
                    (f64x2.add (v128.const f64x2 1 1)
                      (f64x2.mul (local.get $y)
                        (f64x2.add (v128.const f64x2 0.5 0.5)
                          (f64x2.mul (local.get $y)
                            (f64x2.add (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)
                              (f64x2.mul (local.get $y) (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)))))))))))
            (if (local.get $store)
              (then (v128.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $e))))
            (local.set $ed (f64x2.mul (local.get $e) (f64x2.sub (local.get $p) (local.get $extv))))
            (local.set $ee (f64x2.mul (local.get $e) (local.get $e)))
            ;; lane 0 sums the block's even entries, lane 1 its odd ones (tilted.ts s0, s1)
            (local.set $sv (f64x2.add (local.get $sv) (local.get $e)))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (local.get $ed)))
            (local.set $s2v (f64x2.add (local.get $s2v) (local.get $ee)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $p1 (f64.load offset=532480 (i32.shl (local.get $j) (i32.const 3))))
            (local.set $e1 (call $grid1 (local.get $p1) (local.get $M) (local.get $invM) (local.get $scale)))
            (if (local.get $store)
              (then (f64.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $e1))))
            (local.set $sv (f64x2.add (local.get $sv) (f64x2.replace_lane 0 (v128.const f64x2 0 0) (local.get $e1))))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.replace_lane 0 (v128.const f64x2 0 0)
                                          (f64.mul (local.get $e1) (f64.sub (local.get $p1) (local.get $ext))))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.replace_lane 0 (v128.const f64x2 0 0)
                                         (f64.mul (local.get $e1) (local.get $e1)))))))
        ;; S += s0 + s1, as tilted.ts
        (local.set $S (f64.add (local.get $S) (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
        (local.set $Sdp (f64.add (local.get $Sdp) (f64.add (f64x2.extract_lane 0 (local.get $sdpv)) (f64x2.extract_lane 1 (local.get $sdpv)))))
        (local.set $S2 (f64.add (local.get $S2) (f64.add (f64x2.extract_lane 0 (local.get $s2v)) (f64x2.extract_lane 1 (local.get $s2v)))))
        (local.set $b (local.get $end))
        (br $block)))
    (f64.store (i32.const 2080) (local.get $S))
    (f64.store (i32.const 2088) (local.get $Sdp))
    (f64.store (i32.const 2096) (local.get $S2)))

  ;; tilt_grid with e = expFast((p − ext)·scale) and SDP += e·(p − ext) (tilted.ts uniformLoop); same
  ;; buffers and slots.
  (func (export "tilt_exp") (param $n i32) (param $store i32) (param $scale f64) (param $ext f64)
    (local $b i32) (local $j i32) (local $end i32) (local $pairsEnd i32)
    (local $S f64) (local $Sdp f64) (local $S2 f64) (local $sv v128) (local $sdpv v128) (local $s2v v128)
    (local $dp v128) (local $e v128) (local $ed v128) (local $ee v128) (local $e1 f64) (local $dp1 f64)
    (local $scalev v128) (local $extv v128)
    (local.set $scalev (f64x2.splat (local.get $scale)))
    (local.set $extv (f64x2.splat (local.get $ext)))
    (local.set $S (f64.load (i32.const 2080)))
    (local.set $Sdp (f64.load (i32.const 2088)))
    (local.set $S2 (f64.load (i32.const 2096)))
    (block $blocksDone
      (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $n)))
        (local.set $end (select (i32.add (local.get $b) (i32.const 1024)) (local.get $n)
                                (i32.lt_u (i32.add (local.get $b) (i32.const 1024)) (local.get $n))))
        (local.set $pairsEnd (i32.sub (local.get $end) (i32.and (i32.sub (local.get $end) (local.get $b)) (i32.const 1))))
        (local.set $sv (v128.const f64x2 0 0)) (local.set $sdpv (v128.const f64x2 0 0)) (local.set $s2v (v128.const f64x2 0 0))
        (local.set $j (local.get $b))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairsEnd)))
            (local.set $dp (f64x2.sub (v128.load offset=532480 (i32.shl (local.get $j) (i32.const 3))) (local.get $extv)))
            (local.set $e (call $exp2 (f64x2.mul (local.get $dp) (local.get $scalev))))
            (if (local.get $store)
              (then (v128.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $e))))
            (local.set $ed (f64x2.mul (local.get $e) (local.get $dp)))
            (local.set $ee (f64x2.mul (local.get $e) (local.get $e)))
            ;; lane 0 sums the block's even entries, lane 1 its odd ones (tilted.ts s0, s1)
            (local.set $sv (f64x2.add (local.get $sv) (local.get $e)))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (local.get $ed)))
            (local.set $s2v (f64x2.add (local.get $s2v) (local.get $ee)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $dp1 (f64.sub (f64.load offset=532480 (i32.shl (local.get $j) (i32.const 3))) (local.get $ext)))
            (local.set $e1 (call $exp1 (f64.mul (local.get $dp1) (local.get $scale))))
            (if (local.get $store)
              (then (f64.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $e1))))
            (local.set $sv (f64x2.add (local.get $sv) (f64x2.replace_lane 0 (v128.const f64x2 0 0) (local.get $e1))))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.replace_lane 0 (v128.const f64x2 0 0)
                                          (f64.mul (local.get $e1) (local.get $dp1)))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.replace_lane 0 (v128.const f64x2 0 0)
                                         (f64.mul (local.get $e1) (local.get $e1)))))))
        ;; S += s0 + s1, as tilted.ts
        (local.set $S (f64.add (local.get $S) (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
        (local.set $Sdp (f64.add (local.get $Sdp) (f64.add (f64x2.extract_lane 0 (local.get $sdpv)) (f64x2.extract_lane 1 (local.get $sdpv)))))
        (local.set $S2 (f64.add (local.get $S2) (f64.add (f64x2.extract_lane 0 (local.get $s2v)) (f64x2.extract_lane 1 (local.get $s2v)))))
        (local.set $b (local.get $end))
        (br $block)))
    (f64.store (i32.const 2080) (local.get $S))
    (f64.store (i32.const 2088) (local.get $Sdp))
    (f64.store (i32.const 2096) (local.get $S2)))

  ;; gradientPass on n entries: p (F0), e (F1) → q = e·invS (F1), ∂DR/∂p = g0·q·(1 + (p − mean)·σ/λ)
  ;; (F2), ∂DR/∂logit = ∂DR/∂p·p·(1 − p) (F3). With $lo ≥ 0, ∂DR/∂logit is also scattered into the
  ;; window W at (flat index in I0) − $lo: simd.ts copies the slice of gradLogits the chunk's indices
  ;; span, [$lo, $lo + $span), into W and back. Returns 1 when an index fell outside that span
  ;; (simd.ts then scatters F3 itself), else 0.
  (func (export "gradient") (param $n i32) (param $invS f64) (param $mean f64) (param $sol f64) (param $g0 f64)
                            (param $lo i32) (param $span i32) (result i32)
    (local $k i32) (local $miss i32) (local $j i32) (local $end i32) (local $p v128) (local $q v128) (local $g v128) (local $gl v128)
    (local $invSv v128) (local $meanv v128) (local $solv v128) (local $g0v v128)
    (local.set $invSv (f64x2.splat (local.get $invS)))
    (local.set $meanv (f64x2.splat (local.get $mean)))
    (local.set $solv (f64x2.splat (local.get $sol)))
    (local.set $g0v (f64x2.splat (local.get $g0)))
    ;; an odd n computes one entry past the end (the buffers hold CHUNK entries and n < CHUNK then),
    ;; but scatters only the n entries
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $p (v128.load offset=532480 (local.get $j)))
        (local.set $q (f64x2.mul (v128.load offset=598016 (local.get $j)) (local.get $invSv)))
        (v128.store offset=598016 (local.get $j) (local.get $q))
        (local.set $g (f64x2.mul (f64x2.mul (local.get $g0v) (local.get $q))
                                 (f64x2.add (v128.const f64x2 1 1)
                                            (f64x2.mul (f64x2.sub (local.get $p) (local.get $meanv)) (local.get $solv)))))
        (v128.store offset=663552 (local.get $j) (local.get $g))
        (local.set $gl (f64x2.mul (f64x2.mul (local.get $g) (local.get $p)) (f64x2.sub (v128.const f64x2 1 1) (local.get $p))))
        (v128.store offset=729088 (local.get $j) (local.get $gl))
        (if (i32.ge_s (local.get $lo) (i32.const 0))
          (then
            (local.set $k (i32.sub (i32.load offset=794624 (i32.shr_u (local.get $j) (i32.const 1))) (local.get $lo)))
            (if (i32.lt_u (local.get $k) (local.get $span))
              (then (f64.store offset=892928 (i32.shl (local.get $k) (i32.const 3)) (f64x2.extract_lane 0 (local.get $gl))))
              (else (local.set $miss (i32.const 1))))
            (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $end))
              (then
                (local.set $k (i32.sub (i32.load offset=794628 (i32.shr_u (local.get $j) (i32.const 1))) (local.get $lo)))
                (if (i32.lt_u (local.get $k) (local.get $span))
                  (then (f64.store offset=892928 (i32.shl (local.get $k) (i32.const 3)) (f64x2.extract_lane 1 (local.get $gl))))
                  (else (local.set $miss (i32.const 1))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pair)))
    (local.get $miss))
)
