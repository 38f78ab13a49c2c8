;; The engine's hot loops in WebAssembly with 128-bit SIMD (two float64 lanes), compiled by
;; scripts/buildWasm.ts (wabt) into simdWasm.ts, which is what the engine loads (simd.ts).
;;
;; Every function computes exactly what its TypeScript twin computes, operation for operation and in
;; the same order, so the two paths give the same doubles bit for bit (tests/engine/kernels/simd.test.ts):
;;   $exp4 / $exp1      fastExp.ts expFast (per lane)
;;   $sigmoid           fastExp.ts sigmoidFast, in place
;;   $pool_chunk        pool.ts fillOneClass / fillClasses on a chunk of rows
;;   $grid_table        gridExp.ts gridTable
;;   $tilt_grid         tilted.ts uniformGridLoop on a chunk
;;   $tilt_exp          tilted.ts uniformLoop on a chunk
;;   $pool_one          the same for K = 1, without branches on the label
;;   $gradient          evaluate.ts gradientPass on a chunk
;; WebAssembly's f64 and f64x2 add, sub, mul and div round to nearest like JavaScript's, and nothing
;; here fuses a multiply-add, so equal operations in equal order give equal results. Sums are the one
;; place where SIMD reorders: the TypeScript loops sum each block of 1024 terms as two interleaved
;; partial sums, even and odd entries, which are exactly the two lanes here (the chunk boundaries on
;; block boundaries).
;;
;; Speed: V8 (Node 20) overlaps little of one loop iteration with the next, so the exp loops take two
;; vectors (four entries) per iteration, two independent chains: ~1.5× faster than one vector
;; (measured on 10⁶ logits). A sum still adds its two vectors one after the other, in entry order.
;; Constants live in immutable globals: global.get is 2 bytes where v128.const is 18, which keeps the
;; module under the 4 KB Chrome compiles synchronously (simdWasm.test.ts), and runs as fast.
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

  ;; expFast's constants (fastExp.ts), both lanes: 256/ln2, the 1.5·2^52 shifter and its bits, ln2/256
  ;; = C1 + C2, the range (−708.39, 709.78) of the table path, the exponent mask, the Taylor
  ;; coefficients 1/2, 1/6, 1/24; 1.0 is also the bits 1023·2^52 (2^k = k·2^52 + those bits).
  (global $N_LN2 v128 (v128.const f64x2 0x1.71547652b82fep8 0x1.71547652b82fep8))
  (global $SHIFT v128 (v128.const f64x2 0x1.8p52 0x1.8p52))
  (global $SHIFT_BITS v128 (v128.const i64x2 0x4338000000000000 0x4338000000000000))
  (global $C1 v128 (v128.const f64x2 0x1.62e42fee00000p-9 0x1.62e42fee00000p-9))
  (global $C2 v128 (v128.const f64x2 0x1.a39ef35793c76p-41 0x1.a39ef35793c76p-41))
  (global $X_MIN v128 (v128.const f64x2 -0x1.6231eb851eb85p9 -0x1.6231eb851eb85p9))
  (global $X_MAX v128 (v128.const f64x2 0x1.62e3d70a3d70ap9 0x1.62e3d70a3d70ap9))
  (global $J_MASK v128 (v128.const i32x4 255 0 255 0))
  (global $K_MASK v128 (v128.const i64x2 0xfff0000000000000 0xfff0000000000000))
  (global $ONE v128 (v128.const f64x2 1 1))
  (global $HALF v128 (v128.const f64x2 0.5 0.5))
  (global $SIXTH v128 (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3))
  (global $C24 v128 (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))
  (global $ZERO v128 (v128.const i64x2 0 0))
  ;; the offsets 0..3 of four consecutive rows (pool_one)
  (global $IOTA v128 (v128.const i32x4 0 1 2 3))

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

  ;; expFast of each lane by $exp1 (the path of a vector with a lane outside the table's range).
  (func $lanes (param $x v128) (result v128)
    (f64x2.replace_lane 1 (f64x2.splat (call $exp1 (f64x2.extract_lane 0 (local.get $x))))
                          (call $exp1 (f64x2.extract_lane 1 (local.get $x)))))

  ;; expFast of the four lanes of $a and $b. n is read from the bits of x·256/ln2 + 1.5·2^52
  ;; (n + 0x4338000000000000 as an integer, |n| < 2^19), which spares a float-to-int conversion; r by
  ;; Cody–Waite; T_j (j = n & 255) by two scalar loads (no gather); 2^k = 2^(n >> 8) built as
  ;; ((n << 44) with its low 52 bits cleared) + 1023·2^52, the bits of 2^k for a normal result. When a
  ;; lane is outside (−708.39, 709.78) or NaN, all four go lane by lane.
  (func $exp4 (param $a v128) (param $b v128) (result v128 v128)
    (local $sa v128) (local $sb v128) (local $na v128) (local $nb v128)
    (local $ra v128) (local $rb v128) (local $ta v128) (local $tb v128)
    (if (i32.eqz (i64x2.all_true
                   (v128.and (v128.and (f64x2.gt (local.get $a) (global.get $X_MIN))
                                       (f64x2.lt (local.get $a) (global.get $X_MAX)))
                             (v128.and (f64x2.gt (local.get $b) (global.get $X_MIN))
                                       (f64x2.lt (local.get $b) (global.get $X_MAX))))))
      (then (return (call $lanes (local.get $a)) (call $lanes (local.get $b)))))
    (local.set $sa (f64x2.add (f64x2.mul (local.get $a) (global.get $N_LN2)) (global.get $SHIFT)))
    (local.set $sb (f64x2.add (f64x2.mul (local.get $b) (global.get $N_LN2)) (global.get $SHIFT)))
    (local.set $na (i64x2.sub (local.get $sa) (global.get $SHIFT_BITS)))
    (local.set $nb (i64x2.sub (local.get $sb) (global.get $SHIFT_BITS)))
    ;; nd = x·256/ln2 + 1.5·2^52 − 1.5·2^52 (round to nearest)
    (local.set $sa (f64x2.sub (local.get $sa) (global.get $SHIFT)))
    (local.set $sb (f64x2.sub (local.get $sb) (global.get $SHIFT)))
    (local.set $ra (f64x2.sub (f64x2.sub (local.get $a) (f64x2.mul (local.get $sa) (global.get $C1)))
                              (f64x2.mul (local.get $sa) (global.get $C2))))
    (local.set $rb (f64x2.sub (f64x2.sub (local.get $b) (f64x2.mul (local.get $sb) (global.get $C1)))
                              (f64x2.mul (local.get $sb) (global.get $C2))))
    ;; byte offsets of T_j in int32 lanes 0 and 2
    (local.set $ta (i32x4.shl (v128.and (local.get $na) (global.get $J_MASK)) (i32.const 3)))
    (local.set $tb (i32x4.shl (v128.and (local.get $nb) (global.get $J_MASK)) (i32.const 3)))
    (local.set $ta (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $ta))
                     (v128.load64_zero (i32x4.extract_lane 0 (local.get $ta)))))
    (local.set $tb (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $tb))
                     (v128.load64_zero (i32x4.extract_lane 0 (local.get $tb)))))
    ;; 2^k · (t + t·r(1 + r(1/2 + r(1/6 + r/24))))
    (f64x2.mul
      (i64x2.add (v128.and (i64x2.shl (local.get $na) (i32.const 44)) (global.get $K_MASK)) (global.get $ONE))
      (f64x2.add (local.get $ta)
        (f64x2.mul (local.get $ta)
          (f64x2.mul (local.get $ra)
            (f64x2.add (global.get $ONE)
              (f64x2.mul (local.get $ra)
                (f64x2.add (global.get $HALF)
                  (f64x2.mul (local.get $ra)
                    (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $ra) (global.get $C24)))))))))))
    (f64x2.mul
      (i64x2.add (v128.and (i64x2.shl (local.get $nb) (i32.const 44)) (global.get $K_MASK)) (global.get $ONE))
      (f64x2.add (local.get $tb)
        (f64x2.mul (local.get $tb)
          (f64x2.mul (local.get $rb)
            (f64x2.add (global.get $ONE)
              (f64x2.mul (local.get $rb)
                (f64x2.add (global.get $HALF)
                  (f64x2.mul (local.get $rb)
                    (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $rb) (global.get $C24))))))))))))

  ;; sigmoidFast of one double: (h + (1 − h)·E)/(1 + E), E = expFast(−|x|), h = 1 if x ≥ 0 else 0.
  (func $sigmoid1 (param $x f64) (result f64)
    (local $e f64) (local $h f64)
    (local.set $e (call $exp1 (f64.neg (f64.abs (local.get $x)))))
    (local.set $h (f64.convert_i32_u (f64.ge (local.get $x) (f64.const 0))))
    (f64.div (f64.add (local.get $h) (f64.mul (f64.sub (f64.const 1) (local.get $h)) (local.get $e)))
             (f64.add (f64.const 1) (local.get $e))))

  ;; x_i ← sigmoidFast(x_i) for the n doubles at byte offset $at, four at a time: (h + (1 − h)·E)/(1 + E)
  ;; with E = expFast(−|x|), h = 1 if x ≥ 0 else 0. The numerator is exactly 1 or E, so a bitselect on
  ;; x ≥ 0 gives the same double (fastExp.ts computes it arithmetically to spare a branch). The last
  ;; n mod 4 by $sigmoid1.
  (func $sigmoid (param $at i32) (param $n i32)
    (local $end i32) (local $xa v128) (local $xb v128) (local $ea v128) (local $eb v128)
    (local.set $end (i32.add (local.get $at) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3))))
    (block $quadsDone
      (loop $quads
        (br_if $quadsDone (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $xa (v128.load (local.get $at)))
        (local.set $xb (v128.load offset=16 (local.get $at)))
        (call $exp4 (f64x2.neg (f64x2.abs (local.get $xa))) (f64x2.neg (f64x2.abs (local.get $xb))))
        (local.set $eb)
        (local.set $ea)
        (v128.store (local.get $at)
          (f64x2.div (v128.bitselect (global.get $ONE) (local.get $ea) (f64x2.ge (local.get $xa) (global.get $ZERO)))
                     (f64x2.add (global.get $ONE) (local.get $ea))))
        (v128.store offset=16 (local.get $at)
          (f64x2.div (v128.bitselect (global.get $ONE) (local.get $eb) (f64x2.ge (local.get $xb) (global.get $ZERO)))
                     (f64x2.add (global.get $ONE) (local.get $eb))))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $quads)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 3))))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (f64.store (local.get $at) (call $sigmoid1 (f64.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $one))))

  ;; pool_chunk for K = 1, without branches on the label: every entry is stored at the next slot of
  ;; both sets, and only the counter of its own set moves on (a slot no further than the row). An
  ;; ignored row (target < 0) moves neither and adds 0 to Σp, so its logit, even NaN, changes nothing.
  ;; Four rows in a row with target 0 (nearly all of a detection problem's) are four negatives, stored
  ;; as vectors. Same results, buffers and slots as pool_chunk; Σp is summed in another order, which
  ;; only its NaN-ness is read for (pool.ts).
  (func (export "pool_one") (param $rows i32) (param $base i32) (result i32)
    (local $r i32) (local $t i32) (local $pos i32) (local $kept i32) (local $p f64)
    (local $ip i32) (local $in i32) (local $sum f64) (local $min f64) (local $max f64)
    (local $xa v128) (local $xb v128) (local $sv v128) (local $mv v128)
    (call $sigmoid (i32.const 532480) (local.get $rows))
    (local.set $sum (f64.load (i32.const 2056)))
    (local.set $min (f64.load (i32.const 2064)))
    (local.set $max (f64.load (i32.const 2072)))
    (local.set $mv (f64x2.splat (local.get $max)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (if (i32.and (i32.le_u (i32.add (local.get $r) (i32.const 4)) (local.get $rows))
                     (i32x4.all_true (i32x4.eq (v128.load offset=794624 (i32.shl (local.get $r) (i32.const 2)))
                                               (global.get $ZERO))))
          (then
            (local.set $xa (v128.load offset=532480 (i32.shl (local.get $r) (i32.const 3))))
            (local.set $xb (v128.load offset=532496 (i32.shl (local.get $r) (i32.const 3))))
            (v128.store offset=663552 (i32.shl (local.get $in) (i32.const 3)) (local.get $xa))
            (v128.store offset=663568 (i32.shl (local.get $in) (i32.const 3)) (local.get $xb))
            (v128.store offset=860160 (i32.shl (local.get $in) (i32.const 2))
              (i32x4.add (i32x4.splat (i32.add (local.get $base) (local.get $r))) (global.get $IOTA)))
            (local.set $sv (f64x2.add (f64x2.add (local.get $sv) (local.get $xa)) (local.get $xb)))
            ;; pmax(m, p) = m < p ? p : m, as the scalar max below
            (local.set $mv (f64x2.pmax (f64x2.pmax (local.get $mv) (local.get $xa)) (local.get $xb)))
            (local.set $in (i32.add (local.get $in) (i32.const 4)))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $row)))
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
    ;; the vectors' partial sums and maxima join the scalar ones
    (local.set $sum (f64.add (local.get $sum)
                             (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
    (local.set $p (f64x2.extract_lane 0 (local.get $mv)))
    (local.set $max (select (local.get $p) (local.get $max) (f64.gt (local.get $p) (local.get $max))))
    (local.set $p (f64x2.extract_lane 1 (local.get $mv)))
    (local.set $max (select (local.get $p) (local.get $max) (f64.gt (local.get $p) (local.get $max))))
    (i32.store (i32.const 2048) (local.get $ip))
    (f64.store (i32.const 2056) (local.get $sum))
    (f64.store (i32.const 2064) (local.get $min))
    (f64.store (i32.const 2072) (local.get $max))
    (local.get $in))

  ;; pool's count of the $n targets in I0, four at a time: SLOTS+56 (i32) gets the kept rows (target
  ;; ≥ 0), SLOTS+60 the positive ones (target ≥ 1); returns the largest target (−2^31 for n = 0).
  (func (export "count_targets") (param $n i32) (result i32)
    (local $j i32) (local $end i32) (local $v v128) (local $kv v128) (local $pv v128) (local $mv v128)
    (local $t i32) (local $max i32) (local $kept i32) (local $pos i32)
    (local.set $mv (i32x4.splat (i32.const 0x80000000)))
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done
      (loop $quads
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $v (v128.load offset=794624 (local.get $j)))
        ;; a true comparison is −1 in its lane: subtracting counts it
        (local.set $kv (i32x4.sub (local.get $kv) (i32x4.ge_s (local.get $v) (global.get $ZERO))))
        (local.set $pv (i32x4.sub (local.get $pv) (i32x4.gt_s (local.get $v) (global.get $ZERO))))
        (local.set $mv (i32x4.max_s (local.get $mv) (local.get $v)))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $quads)))
    (local.set $kv (i32x4.add (local.get $kv) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $kv) (local.get $kv))))
    (local.set $pv (i32x4.add (local.get $pv) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $pv) (local.get $pv))))
    (local.set $mv (i32x4.max_s (local.get $mv) (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $mv) (local.get $mv))))
    (local.set $kept (i32.add (i32x4.extract_lane 0 (local.get $kv)) (i32x4.extract_lane 1 (local.get $kv))))
    (local.set $pos (i32.add (i32x4.extract_lane 0 (local.get $pv)) (i32x4.extract_lane 1 (local.get $pv))))
    (local.set $max (select (i32x4.extract_lane 0 (local.get $mv)) (i32x4.extract_lane 1 (local.get $mv))
                            (i32.gt_s (i32x4.extract_lane 0 (local.get $mv)) (i32x4.extract_lane 1 (local.get $mv)))))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $t (i32.load offset=794624 (local.get $j)))
        (local.set $kept (i32.add (local.get $kept) (i32.ge_s (local.get $t) (i32.const 0))))
        (local.set $pos (i32.add (local.get $pos) (i32.gt_s (local.get $t) (i32.const 0))))
        (local.set $max (select (local.get $t) (local.get $max) (i32.gt_s (local.get $t) (local.get $max))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $tail)))
    (i32.store (i32.const 2104) (local.get $kept))
    (i32.store (i32.const 2108) (local.get $pos))
    (local.get $max))

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

  ;; gridTable: GRID[m] = expFast((m·(1/M) − shift)·scale), m = 0..M (M a power of two ≥ 256): four at a
  ;; time, then m = M alone.
  (func $grid_table (export "grid_table") (param $scale f64) (param $shift f64) (param $M i32)
    (local $invM f64) (local $m i32) (local $at i32) (local $mv v128) (local $iv v128) (local $sv v128) (local $cv v128)
    (local $ea v128) (local $eb v128)
    (local.set $invM (f64.div (f64.const 1) (f64.convert_i32_s (local.get $M))))
    (local.set $iv (f64x2.splat (local.get $invM)))
    (local.set $sv (f64x2.splat (local.get $shift)))
    (local.set $cv (f64x2.splat (local.get $scale)))
    (local.set $at (i32.const 4096))
    (local.set $mv (v128.const f64x2 0 1))
    (block $done
      (loop $quads
        (br_if $done (i32.gt_s (i32.add (local.get $m) (i32.const 3)) (local.get $M)))
        (call $exp4
          (f64x2.mul (f64x2.sub (f64x2.mul (local.get $mv) (local.get $iv)) (local.get $sv)) (local.get $cv))
          (f64x2.mul (f64x2.sub (f64x2.mul (f64x2.add (local.get $mv) (f64x2.splat (f64.const 2))) (local.get $iv))
                                (local.get $sv))
                     (local.get $cv)))
        (local.set $eb)
        (local.set $ea)
        (v128.store (local.get $at) (local.get $ea))
        (v128.store offset=16 (local.get $at) (local.get $eb))
        (local.set $mv (f64x2.add (local.get $mv) (f64x2.splat (f64.const 4))))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $quads)))
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

  ;; gridExp of the four lanes of $a and $b (the vector form of $grid1; two vectors per call, as
  ;; $exp4): the table index from md by a saturating conversion, two scalar loads per vector.
  (func $grid4 (param $a v128) (param $b v128) (param $Mv v128) (param $invMv v128) (param $scalev v128)
               (result v128 v128)
    (local $ma v128) (local $mb v128) (local $ya v128) (local $yb v128)
    (local.set $ma (f64x2.sub (f64x2.add (f64x2.mul (local.get $a) (local.get $Mv)) (global.get $SHIFT)) (global.get $SHIFT)))
    (local.set $mb (f64x2.sub (f64x2.add (f64x2.mul (local.get $b) (local.get $Mv)) (global.get $SHIFT)) (global.get $SHIFT)))
    (local.set $ya (f64x2.mul (f64x2.sub (local.get $a) (f64x2.mul (local.get $ma) (local.get $invMv))) (local.get $scalev)))
    (local.set $yb (f64x2.mul (f64x2.sub (local.get $b) (f64x2.mul (local.get $mb) (local.get $invMv))) (local.get $scalev)))
    ;; md as an integer: the bits of md + 1.5·2^52 less those of 1.5·2^52 (0 ≤ md ≤ 2^16), in int32 lanes
    ;; 0 and 2, times 8
    (local.set $ma (i32x4.shl (i64x2.sub (f64x2.add (local.get $ma) (global.get $SHIFT)) (global.get $SHIFT_BITS)) (i32.const 3)))
    (local.set $mb (i32x4.shl (i64x2.sub (f64x2.add (local.get $mb) (global.get $SHIFT)) (global.get $SHIFT_BITS)) (i32.const 3)))
    (local.set $ma (v128.load64_lane offset=4096 1 (i32x4.extract_lane 2 (local.get $ma))
                     (v128.load64_zero offset=4096 (i32x4.extract_lane 0 (local.get $ma)))))
    (local.set $mb (v128.load64_lane offset=4096 1 (i32x4.extract_lane 2 (local.get $mb))
                     (v128.load64_zero offset=4096 (i32x4.extract_lane 0 (local.get $mb)))))
    ;; T + T·y(1 + y(1/2 + y(1/6 + y/24)))
    (f64x2.add (local.get $ma)
      (f64x2.mul (local.get $ma)
        (f64x2.mul (local.get $ya)
          (f64x2.add (global.get $ONE)
            (f64x2.mul (local.get $ya)
              (f64x2.add (global.get $HALF)
                (f64x2.mul (local.get $ya)
                  (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $ya) (global.get $C24))))))))))
    (f64x2.add (local.get $mb)
      (f64x2.mul (local.get $mb)
        (f64x2.mul (local.get $yb)
          (f64x2.add (global.get $ONE)
            (f64x2.mul (local.get $yb)
              (f64x2.add (global.get $HALF)
                (f64x2.mul (local.get $yb)
                  (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $yb) (global.get $C24)))))))))))

  ;; The tilted sums of n scores p ∈ [0, 1] (F0) by the table: e = gridExp(p) (into F1 when $store),
  ;; S += e, SDP += e·(p − ext), SE2 += e², in blocks of 1024 terms, each summed as two interleaved
  ;; partial sums (even and odd entries) then added, as tilted.ts. The chunk must start on a block
  ;; boundary of the whole set. Carried between calls: SLOTS+32 S, +40 SDP, +48 SE2. $tilt runs the
  ;; loop for both kernels: $grid 1 takes the exps from GRID, 0 by expFast of (p − ext)·scale (tilted.ts
  ;; uniformLoop, whose SDP term e·(p − ext) is the same product).
  (func $tilt (param $n i32) (param $store i32) (param $grid i32) (param $M f64) (param $scale f64) (param $ext f64)
    (local $b i32) (local $j i32) (local $end i32) (local $pairsEnd i32) (local $two i32)
    (local $S f64) (local $Sdp f64) (local $S2 f64) (local $sv v128) (local $sdpv v128) (local $s2v v128)
    (local $pa v128) (local $pb v128) (local $ea v128) (local $eb v128) (local $e1 f64) (local $p1 f64)
    (local $Mv v128) (local $invMv v128) (local $scalev v128) (local $extv v128)
    (local.set $Mv (f64x2.splat (local.get $M)))
    (local.set $invMv (f64x2.splat (f64.div (f64.const 1) (local.get $M))))
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
        (local.set $sv (global.get $ZERO)) (local.set $sdpv (global.get $ZERO)) (local.set $s2v (global.get $ZERO))
        (local.set $j (local.get $b))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairsEnd)))
            ;; two pairs (j, j+1) and (j+2, j+3) while there are, then the last pair alone ($two = 0:
            ;; its copy in $pb is computed and not used)
            (local.set $two (i32.lt_u (i32.add (local.get $j) (i32.const 2)) (local.get $pairsEnd)))
            (local.set $pa (v128.load offset=532480 (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pb (select (result v128) (v128.load offset=532496 (i32.shl (local.get $j) (i32.const 3)))
                                   (local.get $pa) (local.get $two)))
            (if (local.get $grid)
              (then
                (call $grid4 (local.get $pa) (local.get $pb) (local.get $Mv) (local.get $invMv) (local.get $scalev))
                (local.set $eb)
                (local.set $ea))
              (else
                (call $exp4 (f64x2.mul (f64x2.sub (local.get $pa) (local.get $extv)) (local.get $scalev))
                            (f64x2.mul (f64x2.sub (local.get $pb) (local.get $extv)) (local.get $scalev)))
                (local.set $eb)
                (local.set $ea)))
            ;; lane 0 sums the block's even entries, lane 1 its odd ones (tilted.ts s0, s1), in entry order
            (local.set $sv (f64x2.add (local.get $sv) (local.get $ea)))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $ea) (f64x2.sub (local.get $pa) (local.get $extv)))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.mul (local.get $ea) (local.get $ea))))
            (if (local.get $store)
              (then (v128.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $ea))))
            (if (local.get $two)
              (then
                (local.set $sv (f64x2.add (local.get $sv) (local.get $eb)))
                (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $eb) (f64x2.sub (local.get $pb) (local.get $extv)))))
                (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.mul (local.get $eb) (local.get $eb))))
                (if (local.get $store)
                  (then (v128.store offset=598032 (i32.shl (local.get $j) (i32.const 3)) (local.get $eb))))))
            (local.set $j (i32.add (local.get $j) (i32.add (i32.const 2) (i32.shl (local.get $two) (i32.const 1)))))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $p1 (f64.load offset=532480 (i32.shl (local.get $j) (i32.const 3))))
            (if (local.get $grid)
              (then (local.set $e1 (call $grid1 (local.get $p1) (local.get $M) (f64x2.extract_lane 0 (local.get $invMv))
                                                (local.get $scale))))
              (else (local.set $e1 (call $exp1 (f64.mul (f64.sub (local.get $p1) (local.get $ext)) (local.get $scale))))))
            (if (local.get $store)
              (then (f64.store offset=598016 (i32.shl (local.get $j) (i32.const 3)) (local.get $e1))))
            (local.set $sv (f64x2.add (local.get $sv) (f64x2.replace_lane 0 (global.get $ZERO) (local.get $e1))))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.replace_lane 0 (global.get $ZERO)
                                          (f64.mul (local.get $e1) (f64.sub (local.get $p1) (local.get $ext))))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.replace_lane 0 (global.get $ZERO)
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

  (func (export "tilt_grid") (param $n i32) (param $store i32) (param $M f64) (param $scale f64) (param $ext f64)
    (call $tilt (local.get $n) (local.get $store) (i32.const 1) (local.get $M) (local.get $scale) (local.get $ext)))

  ;; tilt_grid with e = expFast((p − ext)·scale) (tilted.ts uniformLoop); same buffers and slots.
  (func (export "tilt_exp") (param $n i32) (param $store i32) (param $scale f64) (param $ext f64)
    (call $tilt (local.get $n) (local.get $store) (i32.const 0) (f64.const 1) (local.get $scale) (local.get $ext)))

  ;; gradientPass on n entries: p (F0), e (F1) → q = e·invS (F1), ∂DR/∂p = g0·q·(1 + (p − mean)·σ/λ)
  ;; (F2), ∂DR/∂logit = ∂DR/∂p·p·(1 − p) (F3). With $lo ≥ 0, ∂DR/∂logit is also scattered into the
  ;; window W at (flat index in I0) − $lo: simd.ts copies the slice of gradLogits the chunk's indices
  ;; span, [$lo, $lo + $span), into W and back. Returns 1 when an index fell outside that span (simd.ts
  ;; then scatters F3 itself), else 0. (A vector store for two consecutive indices measured slower.)
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
                                 (f64x2.add (global.get $ONE)
                                            (f64x2.mul (f64x2.sub (local.get $p) (local.get $meanv)) (local.get $solv)))))
        (v128.store offset=663552 (local.get $j) (local.get $g))
        (local.set $gl (f64x2.mul (f64x2.mul (local.get $g) (local.get $p)) (f64x2.sub (global.get $ONE) (local.get $p))))
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
