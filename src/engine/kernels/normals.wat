;; Seeded standard normals, scaled: data/rng.ts Rng.fillNormal's whole pairs in WebAssembly, compiled
;; by scripts/buildWasm.ts (wabt) into normalsWasm.ts and driven by normals.ts.
;;
;; The same doubles as the TypeScript loop, operation for operation: xoshiro128** on the stream's four
;; words (i32.rotl is the `(x << k) | (x >>> (32 − k))` of rng.ts), the uniform 2·((r + 1/2)·2^−32) − 1,
;; Marsaglia's polar method with rng.ts's rejection test, and its batched log (polarFactors): the
;; reduction s = f·2^E read from the exponent bits, m = f/2 when f ≥ √2, and detLog's series with the
;; coefficients 1/23 … 1/3 and ln 2 as JavaScript rounds them (normals.ts writes them into CONST).
;; Only + − × ÷ √ and integer operations: correctly rounded in WebAssembly as in JavaScript. The logs
;; of a batch are taken two pairs to a vector.
;;
;; Memory (bytes; fixed size, never grown):
;;   0      STATE  the stream's words a, b, c, d (int32), read at entry and written back at exit
;;   64     CONST  1/23, 1/21, …, 1/3 (11 doubles), then ln 2
;;   256    BU     a batch's u (BATCH = 256 doubles)
;;   2304   BV     its v
;;   4352   BS     its s, then its factors f = √(−2 ln s / s)
;;   8192   OUT    the normals written (at most 8192: 4096 pairs a call)
;;   73728  end (2 pages)
(module
  (memory (export "memory") 2 2)

  ;; f = √(−2·ln s / s) of BS[0..n) in place, two at a time (an odd n computes one slot past it).
  (func $factors (param $n i32)
    (local $at i32) (local $end i32) (local $s v128) (local $E v128) (local $f v128) (local $up v128)
    (local $x v128) (local $e v128) (local $t v128) (local $t2 v128) (local $p v128)
    (local.set $end (i32.add (i32.const 4352) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $at (i32.const 4352))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $s (v128.load (local.get $at)))
        ;; E = the binade of s (s ≥ 2^−66, normal, positive); f = s·2^−E ∈ [1, 2), exactly
        (local.set $E (i64x2.sub (i64x2.shr_u (local.get $s) (i32.const 52)) (i64x2.splat (i64.const 1023))))
        (local.set $f (f64x2.mul (local.get $s)
                                 (i64x2.shl (i64x2.sub (i64x2.splat (i64.const 1023)) (local.get $E)) (i32.const 52))))
        (local.set $up (f64x2.ge (local.get $f) (f64x2.splat (f64.const 0x1.6a09e667f3bcdp0))))
        ;; x = f/2 (e = E + 1) when f ≥ √2, else f (e = E); e as a double: the bits of 1.5·2^52 + E,
        ;; less 1.5·2^52 (exact for |E| < 2^51)
        (local.set $x (v128.bitselect (f64x2.mul (local.get $f) (f64x2.splat (f64.const 0.5))) (local.get $f) (local.get $up)))
        (local.set $e (f64x2.add
                        (f64x2.sub (i64x2.add (local.get $E) (i64x2.splat (i64.const 0x4338000000000000)))
                                   (f64x2.splat (f64.const 0x1.8p52)))
                        (v128.and (local.get $up) (f64x2.splat (f64.const 1)))))
        ;; detLog's series: t = (x − 1)/(x + 1), p = (…(1/23·t² + 1/21)·t² + …)·t² + 1
        (local.set $t (f64x2.div (f64x2.sub (local.get $x) (f64x2.splat (f64.const 1)))
                                 (f64x2.add (local.get $x) (f64x2.splat (f64.const 1)))))
        (local.set $t2 (f64x2.mul (local.get $t) (local.get $t)))
        (local.set $p (v128.load64_splat (i32.const 64)))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 72))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 80))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 88))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 96))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 104))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 112))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 120))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 128))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 136))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (v128.load64_splat (i32.const 144))))
        (local.set $p (f64x2.add (f64x2.mul (local.get $p) (local.get $t2)) (f64x2.splat (f64.const 1))))
        ;; f = √((−2·(2t·p + e·ln 2))/s)
        (v128.store (local.get $at)
          (f64x2.sqrt
            (f64x2.div
              (f64x2.mul (f64x2.splat (f64.const -2))
                (f64x2.add (f64x2.mul (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $t)) (local.get $p))
                           (f64x2.mul (local.get $e) (v128.load64_splat (i32.const 152)))))
              (local.get $s))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $pairs))))

  ;; OUT[2j], OUT[2j+1] = mean + sd·(u_j·f_j), mean + sd·(v_j·f_j) for the batch's $n pairs from
  ;; pair $first on.
  (func $emit (param $n i32) (param $first i32) (param $mean v128) (param $sd v128)
    (local $j i32) (local $out i32)
    (local.set $out (i32.add (i32.const 8192) (i32.shl (local.get $first) (i32.const 4))))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (v128.store (local.get $out)
          (f64x2.add (local.get $mean)
            (f64x2.mul (local.get $sd)
              (f64x2.mul
                (v128.load64_lane 1 (i32.add (i32.const 2304) (i32.shl (local.get $j) (i32.const 3)))
                  (v128.load64_zero (i32.add (i32.const 256) (i32.shl (local.get $j) (i32.const 3)))))
                (v128.load64_splat (i32.add (i32.const 4352) (i32.shl (local.get $j) (i32.const 3))))))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $pair))))

  ;; $pairs accepted pairs of normals, scaled, into OUT (2·$pairs ≤ 8192 doubles); the stream's words
  ;; move on in STATE.
  (func (export "fill") (param $pairs i32) (param $mean f64) (param $sd f64)
    (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $r i32) (local $t i32)
    (local $u f64) (local $v f64) (local $s f64) (local $k i32) (local $done i32) (local $first i32)
    (local.set $a (i32.load (i32.const 0)))
    (local.set $b (i32.load (i32.const 4)))
    (local.set $c (i32.load (i32.const 8)))
    (local.set $d (i32.load (i32.const 12)))
    (block $finished
      (loop $attempt
        (br_if $finished (i32.ge_u (local.get $done) (local.get $pairs)))
        ;; u: one xoshiro128** output r = rotl(5b, 7)·9, then the state step
        (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $u (f64.sub (f64.mul (f64.const 2)
                                        (f64.mul (f64.add (f64.convert_i32_u (local.get $r)) (f64.const 0.5))
                                                 (f64.const 0x1p-32)))
                               (f64.const 1)))
        ;; v: the next output
        (local.set $r (i32.mul (i32.rotl (i32.mul (local.get $b) (i32.const 5)) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $b) (i32.const 9)))
        (local.set $c (i32.xor (local.get $c) (local.get $a)))
        (local.set $d (i32.xor (local.get $d) (local.get $b)))
        (local.set $b (i32.xor (local.get $b) (local.get $c)))
        (local.set $a (i32.xor (local.get $a) (local.get $d)))
        (local.set $c (i32.xor (local.get $c) (local.get $t)))
        (local.set $d (i32.rotl (local.get $d) (i32.const 11)))
        (local.set $v (f64.sub (f64.mul (f64.const 2)
                                        (f64.mul (f64.add (f64.convert_i32_u (local.get $r)) (f64.const 0.5))
                                                 (f64.const 0x1p-32)))
                               (f64.const 1)))
        (local.set $s (f64.add (f64.mul (local.get $u) (local.get $u)) (f64.mul (local.get $v) (local.get $v))))
        ;; rejected: outside the unit disc, or its centre
        (br_if $attempt (i32.or (f64.ge (local.get $s) (f64.const 1)) (f64.eq (local.get $s) (f64.const 0))))
        (f64.store (i32.add (i32.const 256) (i32.shl (local.get $k) (i32.const 3))) (local.get $u))
        (f64.store (i32.add (i32.const 2304) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
        (f64.store (i32.add (i32.const 4352) (i32.shl (local.get $k) (i32.const 3))) (local.get $s))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (local.set $done (i32.add (local.get $done) (i32.const 1)))
        (if (i32.or (i32.eq (local.get $k) (i32.const 256)) (i32.ge_u (local.get $done) (local.get $pairs)))
          (then
            (call $factors (local.get $k))
            (call $emit (local.get $k) (local.get $first) (f64x2.splat (local.get $mean)) (f64x2.splat (local.get $sd)))
            (local.set $first (i32.add (local.get $first) (local.get $k)))
            (local.set $k (i32.const 0))))
        (br $attempt)))
    (i32.store (i32.const 0) (local.get $a))
    (i32.store (i32.const 4) (local.get $b))
    (i32.store (i32.const 8) (local.get $c))
    (i32.store (i32.const 12) (local.get $d)))
)
