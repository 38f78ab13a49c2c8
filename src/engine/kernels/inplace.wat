;; The in-place forward + gradient kernels of drStep.ts: simd.wat's pool, tilt and gradient loops
;; rewritten to work on arrays anywhere in an IMPORTED memory, by byte offsets (pointer parameters),
;; so the step's Pooled and Workspace arrays live in that memory and nothing is copied in chunks but
;; the logits (staged) and the targets (once). Compiled by scripts/buildWasm.ts into inplaceWasm.ts.
;;
;; Same doubles as simd.wat (hence as the TypeScript loops), bit for bit: the exp, sigmoid and table
;; functions and their constants are not copied here but spliced in from simd.wat by buildWasm.ts (the
;; `@include` line below), and each loop below performs its simd.wat twin's operations in the same
;; order; only where a value is loaded from or stored to changes. Two loops inline a body instead of
;; calling it, because V8 (Node 20) does not inline WebAssembly calls and each call spills the loop's
;; live vectors: pool_one inlines $exp4 (~10 % of the step at 10⁶), tilt_grid $grid4 (~10 %); those
;; copies are checked by tests/engine/drStep.test.ts, bit for bit against pool + evaluate. Sums are
;; blocked by 1024 as two interleaved lane sums from the start of each set, as there (the whole set is
;; one call here).
;;
;; Memory (bytes; the caller sizes it, and may grow it between calls):
;;   0        EXP2   2^(j/256), j = 0..255 (exp2Table.ts, written by drStep.ts)
;;   2048     SLOTS  i32 +0 n+ so far, +4 n− so far; f64 +8 Σp, +16 min p+, +24 max p−;
;;                   f64 +32 S, +40 SDP, +48 SE2; i32 +64 pPos, +68 posIndex, +72 pNeg, +76
;;                   negIndex (byte offsets of the arrays pool writes, set by the caller); i32 +80
;;                   the largest target so far (pool checks the targets as it splits)
;;   4096     GRID   gridTable's T_m, m = 0..65536
;;   from 532480     whatever the caller lays out (drStep.ts): logits staging, targets, the arrays.
;; Every array the loops write must be followed by 16 bytes the caller does not use: pool_one stores
;; one entry past the end of a set (a slot no further than its count, as in simd.wat); pool's arrays
;; must hold a set as large as its targets could make it (the caller counts nothing beforehand), and gradient on
;; an odd n computes one pair past the end (q and ∂DR/∂p of a phantom entry, never scattered).
(module
  (import "m" "exp" (func $mexp (param f64) (result f64)))
  (import "m" "memory" (memory 1))

  ;; @include simd.wat: $N_LN2 $SHIFT $SHIFT_BITS $C1 $C2 $X_MIN $X_MAX $J_MASK $K_MASK $ONE $HALF $SIXTH $C24 $ZERO $IOTA $exp1 $lanes $exp4 $sigmoid1 $sigmoid $grid_table $grid1 $grid4

  ;; simd.wat pool_one on $rows rows: logits at $x (overwritten by their sigmoids where a row is
  ;; split one by one), targets at $tp, the first row's flat index $base; p and flat index appended to
  ;; the arrays at SLOTS+64..76 after the SLOTS+0 / +4 entries already there (both counts carried, as
  ;; Σp, min p+, max p− and the largest target, SLOTS+80). A target above 1 is split as a 0 (the
  ;; caller then throws). Fused: the sigmoids of four rows are taken ($sigmoid's arithmetic, with
  ;; $exp4's body inlined: V8 does not inline WebAssembly calls, and every call spills the loop's live
  ;; vectors) and, when the four are negatives, stored straight into pNeg from registers; otherwise
  ;; they go back to $x and the rows are split one by one as in simd.wat. −|x| is never above
  ;; $exp4's upper bound, so only its lower bound (and NaN) is tested for the lane-by-lane path.
  (func (export "pool_one") (param $x i32) (param $tp i32) (param $rows i32) (param $base i32)
    (local $r i32) (local $lim i32) (local $t i32) (local $pos i32) (local $neg i32) (local $kept i32) (local $p f64) (local $tmax i32)
    (local $pp i32) (local $pi i32) (local $np i32) (local $ni i32) (local $xr i32) (local $tr i32)
    (local $sum f64) (local $min f64) (local $max f64)
    (local $xa v128) (local $xb v128) (local $sv v128) (local $mv v128)
    (local $a v128) (local $b v128) (local $sa v128) (local $sb v128) (local $na v128) (local $nb v128)
    (local $ra v128) (local $rb v128) (local $ta v128) (local $tb v128)
    ;; the last rows mod 4 by $sigmoid1, in place; the quads below
    (call $sigmoid (i32.add (local.get $x) (i32.shl (i32.and (local.get $rows) (i32.const -4)) (i32.const 3)))
                   (i32.and (local.get $rows) (i32.const 3)))
    (local.set $sum (f64.load (i32.const 2056)))
    (local.set $min (f64.load (i32.const 2064)))
    (local.set $max (f64.load (i32.const 2072)))
    (local.set $mv (f64x2.splat (local.get $max)))
    (local.set $tmax (i32.load (i32.const 2128)))
    ;; write pointers: the arrays' next slots
    (local.set $pp (i32.add (i32.load (i32.const 2112)) (i32.shl (i32.load (i32.const 2048)) (i32.const 3))))
    (local.set $pi (i32.add (i32.load (i32.const 2116)) (i32.shl (i32.load (i32.const 2048)) (i32.const 2))))
    (local.set $np (i32.add (i32.load (i32.const 2120)) (i32.shl (i32.load (i32.const 2052)) (i32.const 3))))
    (local.set $ni (i32.add (i32.load (i32.const 2124)) (i32.shl (i32.load (i32.const 2052)) (i32.const 2))))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $lim (local.get $rows))
        (if (i32.le_u (i32.add (local.get $r) (i32.const 4)) (local.get $rows))
          (then
            (local.set $xr (i32.add (local.get $x) (i32.shl (local.get $r) (i32.const 3))))
            (local.set $xa (v128.load (local.get $xr)))
            (local.set $xb (v128.load offset=16 (local.get $xr)))
            (local.set $a (f64x2.neg (f64x2.abs (local.get $xa))))
            (local.set $b (f64x2.neg (f64x2.abs (local.get $xb))))
            (if (i64x2.all_true (v128.and (f64x2.gt (local.get $a) (global.get $X_MIN))
                                          (f64x2.gt (local.get $b) (global.get $X_MIN))))
              (then
                ;; $exp4's body
                (local.set $sa (f64x2.add (f64x2.mul (local.get $a) (global.get $N_LN2)) (global.get $SHIFT)))
                (local.set $sb (f64x2.add (f64x2.mul (local.get $b) (global.get $N_LN2)) (global.get $SHIFT)))
                (local.set $na (i64x2.sub (local.get $sa) (global.get $SHIFT_BITS)))
                (local.set $nb (i64x2.sub (local.get $sb) (global.get $SHIFT_BITS)))
                (local.set $sa (f64x2.sub (local.get $sa) (global.get $SHIFT)))
                (local.set $sb (f64x2.sub (local.get $sb) (global.get $SHIFT)))
                (local.set $ra (f64x2.sub (f64x2.sub (local.get $a) (f64x2.mul (local.get $sa) (global.get $C1)))
                                          (f64x2.mul (local.get $sa) (global.get $C2))))
                (local.set $rb (f64x2.sub (f64x2.sub (local.get $b) (f64x2.mul (local.get $sb) (global.get $C1)))
                                          (f64x2.mul (local.get $sb) (global.get $C2))))
                (local.set $ta (i32x4.shl (v128.and (local.get $na) (global.get $J_MASK)) (i32.const 3)))
                (local.set $tb (i32x4.shl (v128.and (local.get $nb) (global.get $J_MASK)) (i32.const 3)))
                (local.set $ta (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $ta))
                                 (v128.load64_zero (i32x4.extract_lane 0 (local.get $ta)))))
                (local.set $tb (v128.load64_lane 1 (i32x4.extract_lane 2 (local.get $tb))
                                 (v128.load64_zero (i32x4.extract_lane 0 (local.get $tb)))))
                (local.set $a
                  (f64x2.mul
                    (i64x2.add (v128.and (i64x2.shl (local.get $na) (i32.const 44)) (global.get $K_MASK)) (global.get $ONE))
                    (f64x2.add (local.get $ta)
                      (f64x2.mul (local.get $ta)
                        (f64x2.mul (local.get $ra)
                          (f64x2.add (global.get $ONE)
                            (f64x2.mul (local.get $ra)
                              (f64x2.add (global.get $HALF)
                                (f64x2.mul (local.get $ra)
                                  (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $ra) (global.get $C24))))))))))))
                (local.set $b
                  (f64x2.mul
                    (i64x2.add (v128.and (i64x2.shl (local.get $nb) (i32.const 44)) (global.get $K_MASK)) (global.get $ONE))
                    (f64x2.add (local.get $tb)
                      (f64x2.mul (local.get $tb)
                        (f64x2.mul (local.get $rb)
                          (f64x2.add (global.get $ONE)
                            (f64x2.mul (local.get $rb)
                              (f64x2.add (global.get $HALF)
                                (f64x2.mul (local.get $rb)
                                  (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $rb) (global.get $C24)))))))))))))
              (else
                (local.set $a (call $lanes (local.get $a)))
                (local.set $b (call $lanes (local.get $b)))))
            ;; $sigmoid: (x ≥ 0 ? 1 : E)/(1 + E)
            (local.set $xa (f64x2.div (v128.bitselect (global.get $ONE) (local.get $a) (f64x2.ge (local.get $xa) (global.get $ZERO)))
                                      (f64x2.add (global.get $ONE) (local.get $a))))
            (local.set $xb (f64x2.div (v128.bitselect (global.get $ONE) (local.get $b) (f64x2.ge (local.get $xb) (global.get $ZERO)))
                                      (f64x2.add (global.get $ONE) (local.get $b))))
            (if (i32x4.all_true (i32x4.eq (v128.load (i32.add (local.get $tp) (i32.shl (local.get $r) (i32.const 2))))
                                          (global.get $ZERO)))
              (then
                (v128.store (local.get $np) (local.get $xa))
                (v128.store offset=16 (local.get $np) (local.get $xb))
                (v128.store (local.get $ni)
                  (i32x4.add (i32x4.splat (i32.add (local.get $base) (local.get $r))) (global.get $IOTA)))
                (local.set $sv (f64x2.add (f64x2.add (local.get $sv) (local.get $xa)) (local.get $xb)))
                (local.set $mv (f64x2.pmax (f64x2.pmax (local.get $mv) (local.get $xa)) (local.get $xb)))
                (local.set $np (i32.add (local.get $np) (i32.const 32)))
                (local.set $ni (i32.add (local.get $ni) (i32.const 16)))
                (local.set $r (i32.add (local.get $r) (i32.const 4)))
                (br $row)))
            (v128.store (local.get $xr) (local.get $xa))
            (v128.store offset=16 (local.get $xr) (local.get $xb))
            (local.set $lim (i32.add (local.get $r) (i32.const 4)))))
        ;; rows r..lim one by one, their p in $x
        (loop $one
          (local.set $p (f64.load (i32.add (local.get $x) (i32.shl (local.get $r) (i32.const 3)))))
          (local.set $t (i32.load (i32.add (local.get $tp) (i32.shl (local.get $r) (i32.const 2)))))
          (local.set $tmax (select (local.get $t) (local.get $tmax) (i32.gt_s (local.get $t) (local.get $tmax))))
          (local.set $pos (i32.eq (local.get $t) (i32.const 1)))
          (local.set $kept (i32.ge_s (local.get $t) (i32.const 0)))
          (local.set $neg (i32.sub (local.get $kept) (local.get $pos)))
          (f64.store (local.get $pp) (local.get $p))
          (i32.store (local.get $pi) (i32.add (local.get $base) (local.get $r)))
          (f64.store (local.get $np) (local.get $p))
          (i32.store (local.get $ni) (i32.add (local.get $base) (local.get $r)))
          (local.set $sum (f64.add (local.get $sum) (select (local.get $p) (f64.const 0) (local.get $kept))))
          (local.set $min (select (local.get $p) (local.get $min)
                                  (i32.and (local.get $pos) (f64.lt (local.get $p) (local.get $min)))))
          (local.set $max (select (local.get $p) (local.get $max)
                                  (i32.and (local.get $neg) (f64.gt (local.get $p) (local.get $max)))))
          (local.set $pp (i32.add (local.get $pp) (i32.shl (local.get $pos) (i32.const 3))))
          (local.set $pi (i32.add (local.get $pi) (i32.shl (local.get $pos) (i32.const 2))))
          (local.set $np (i32.add (local.get $np) (i32.shl (local.get $neg) (i32.const 3))))
          (local.set $ni (i32.add (local.get $ni) (i32.shl (local.get $neg) (i32.const 2))))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br_if $one (i32.lt_u (local.get $r) (local.get $lim))))
        (br $row)))
    (local.set $sum (f64.add (local.get $sum)
                             (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
    (local.set $p (f64x2.extract_lane 0 (local.get $mv)))
    (local.set $max (select (local.get $p) (local.get $max) (f64.gt (local.get $p) (local.get $max))))
    (local.set $p (f64x2.extract_lane 1 (local.get $mv)))
    (local.set $max (select (local.get $p) (local.get $max) (f64.gt (local.get $p) (local.get $max))))
    (i32.store (i32.const 2048) (i32.shr_u (i32.sub (local.get $pi) (i32.load (i32.const 2116))) (i32.const 2)))
    (i32.store (i32.const 2052) (i32.shr_u (i32.sub (local.get $ni) (i32.load (i32.const 2124))) (i32.const 2)))
    (i32.store (i32.const 2128) (local.get $tmax))
    (f64.store (i32.const 2056) (local.get $sum))
    (f64.store (i32.const 2064) (local.get $min))
    (f64.store (i32.const 2072) (local.get $max)))

  ;; simd.wat pool_chunk on $rows rows of $K logits at $x (overwritten by their sigmoids) and targets
  ;; at $tp, the first row's flat index $base; appends as pool_one (a target above K: K negatives).
  (func (export "pool_chunk") (param $x i32) (param $tp i32) (param $rows i32) (param $K i32) (param $base i32)
    (local $r i32) (local $c i32) (local $t i32) (local $i i32) (local $p f64) (local $tmax i32)
    (local $ip i32) (local $in i32) (local $sum f64) (local $min f64) (local $max f64)
    (local $pp i32) (local $pi i32) (local $np i32) (local $ni i32)
    (call $sigmoid (local.get $x) (i32.mul (local.get $rows) (local.get $K)))
    (local.set $sum (f64.load (i32.const 2056)))
    (local.set $min (f64.load (i32.const 2064)))
    (local.set $max (f64.load (i32.const 2072)))
    (local.set $ip (i32.load (i32.const 2048)))
    (local.set $in (i32.load (i32.const 2052)))
    (local.set $pp (i32.load (i32.const 2112)))
    (local.set $pi (i32.load (i32.const 2116)))
    (local.set $np (i32.load (i32.const 2120)))
    (local.set $ni (i32.load (i32.const 2124)))
    (local.set $tmax (i32.load (i32.const 2128)))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $t (i32.load (i32.add (local.get $tp) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $tmax (select (local.get $t) (local.get $tmax) (i32.gt_s (local.get $t) (local.get $tmax))))
        (if (i32.ge_s (local.get $t) (i32.const 0))
          (then
            (local.set $c (i32.const 0))
            (loop $class
              (local.set $i (i32.add (i32.mul (local.get $r) (local.get $K)) (local.get $c)))
              (local.set $p (f64.load (i32.add (local.get $x) (i32.shl (local.get $i) (i32.const 3)))))
              (local.set $sum (f64.add (local.get $sum) (local.get $p)))
              (if (i32.eq (local.get $t) (i32.add (local.get $c) (i32.const 1)))
                (then
                  (f64.store (i32.add (local.get $pp) (i32.shl (local.get $ip) (i32.const 3))) (local.get $p))
                  (i32.store (i32.add (local.get $pi) (i32.shl (local.get $ip) (i32.const 2)))
                             (i32.add (local.get $base) (local.get $i)))
                  (local.set $ip (i32.add (local.get $ip) (i32.const 1)))
                  (if (f64.lt (local.get $p) (local.get $min)) (then (local.set $min (local.get $p)))))
                (else
                  (f64.store (i32.add (local.get $np) (i32.shl (local.get $in) (i32.const 3))) (local.get $p))
                  (i32.store (i32.add (local.get $ni) (i32.shl (local.get $in) (i32.const 2)))
                             (i32.add (local.get $base) (local.get $i)))
                  (local.set $in (i32.add (local.get $in) (i32.const 1)))
                  (if (f64.gt (local.get $p) (local.get $max)) (then (local.set $max (local.get $p))))))
              (local.set $c (i32.add (local.get $c) (i32.const 1)))
              (br_if $class (i32.lt_u (local.get $c) (local.get $K))))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (i32.store (i32.const 2048) (local.get $ip))
    (i32.store (i32.const 2052) (local.get $in))
    (i32.store (i32.const 2128) (local.get $tmax))
    (f64.store (i32.const 2056) (local.get $sum))
    (f64.store (i32.const 2064) (local.get $min))
    (f64.store (i32.const 2072) (local.get $max)))

  ;; simd.wat $tilt on the n scores at $pp (e into $ep when $store): S, SDP, SE2 of the whole set into
  ;; SLOTS+32, +40, +48 (from 0; blocks of 1024 from the set's start).
  (func $tilt (param $pp i32) (param $ep i32) (param $n i32) (param $store i32) (param $grid i32)
              (param $M f64) (param $scale f64) (param $ext f64)
    (local $b i32) (local $j i32) (local $end i32) (local $pairsEnd i32) (local $two i32) (local $at i32)
    (local $S f64) (local $Sdp f64) (local $S2 f64) (local $sv v128) (local $sdpv v128) (local $s2v v128)
    (local $pa v128) (local $pb v128) (local $ea v128) (local $eb v128) (local $e1 f64) (local $p1 f64)
    (local $Mv v128) (local $invMv v128) (local $scalev v128) (local $extv v128)
    (local.set $Mv (f64x2.splat (local.get $M)))
    (local.set $invMv (f64x2.splat (f64.div (f64.const 1) (local.get $M))))
    (local.set $scalev (f64x2.splat (local.get $scale)))
    (local.set $extv (f64x2.splat (local.get $ext)))
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
            (local.set $two (i32.lt_u (i32.add (local.get $j) (i32.const 2)) (local.get $pairsEnd)))
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $pa (v128.load (i32.add (local.get $pp) (local.get $at))))
            (local.set $pb (select (result v128) (v128.load offset=16 (i32.add (local.get $pp) (local.get $at)))
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
            (local.set $sv (f64x2.add (local.get $sv) (local.get $ea)))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $ea) (f64x2.sub (local.get $pa) (local.get $extv)))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.mul (local.get $ea) (local.get $ea))))
            (if (local.get $store)
              (then (v128.store (i32.add (local.get $ep) (local.get $at)) (local.get $ea))))
            (if (local.get $two)
              (then
                (local.set $sv (f64x2.add (local.get $sv) (local.get $eb)))
                (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $eb) (f64x2.sub (local.get $pb) (local.get $extv)))))
                (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.mul (local.get $eb) (local.get $eb))))
                (if (local.get $store)
                  (then (v128.store offset=16 (i32.add (local.get $ep) (local.get $at)) (local.get $eb))))))
            (local.set $j (i32.add (local.get $j) (i32.add (i32.const 2) (i32.shl (local.get $two) (i32.const 1)))))
            (br $pair)))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $p1 (f64.load (i32.add (local.get $pp) (local.get $at))))
            (if (local.get $grid)
              (then (local.set $e1 (call $grid1 (local.get $p1) (local.get $M) (f64x2.extract_lane 0 (local.get $invMv))
                                                (local.get $scale))))
              (else (local.set $e1 (call $exp1 (f64.mul (f64.sub (local.get $p1) (local.get $ext)) (local.get $scale))))))
            (if (local.get $store)
              (then (f64.store (i32.add (local.get $ep) (local.get $at)) (local.get $e1))))
            (local.set $sv (f64x2.add (local.get $sv) (f64x2.replace_lane 0 (global.get $ZERO) (local.get $e1))))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.replace_lane 0 (global.get $ZERO)
                                          (f64.mul (local.get $e1) (f64.sub (local.get $p1) (local.get $ext))))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.replace_lane 0 (global.get $ZERO)
                                         (f64.mul (local.get $e1) (local.get $e1)))))))
        (local.set $S (f64.add (local.get $S) (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
        (local.set $Sdp (f64.add (local.get $Sdp) (f64.add (f64x2.extract_lane 0 (local.get $sdpv)) (f64x2.extract_lane 1 (local.get $sdpv)))))
        (local.set $S2 (f64.add (local.get $S2) (f64.add (f64x2.extract_lane 0 (local.get $s2v)) (f64x2.extract_lane 1 (local.get $s2v)))))
        (local.set $b (local.get $end))
        (br $block)))
    (f64.store (i32.const 2080) (local.get $S))
    (f64.store (i32.const 2088) (local.get $Sdp))
    (f64.store (i32.const 2096) (local.get $S2)))

  ;; $tilt with the exps from GRID, e always stored, $grid4's body inlined in a loop of four entries
  ;; (then a last pair by $grid4 and a last entry by $grid1): the same adds in the same order.
  (func (export "tilt_grid") (param $pp i32) (param $ep i32) (param $n i32) (param $M f64) (param $scale f64) (param $ext f64)
    (local $b i32) (local $j i32) (local $end i32) (local $at i32)
    (local $S f64) (local $Sdp f64) (local $S2 f64) (local $sv v128) (local $sdpv v128) (local $s2v v128)
    (local $pa v128) (local $pb v128) (local $ea v128) (local $eb v128) (local $e1 f64) (local $p1 f64)
    (local $ma v128) (local $mb v128) (local $ya v128) (local $yb v128)
    (local $Mv v128) (local $invMv v128) (local $scalev v128) (local $extv v128)
    (local.set $Mv (f64x2.splat (local.get $M)))
    (local.set $invMv (f64x2.splat (f64.div (f64.const 1) (local.get $M))))
    (local.set $scalev (f64x2.splat (local.get $scale)))
    (local.set $extv (f64x2.splat (local.get $ext)))
    (block $blocksDone
      (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $n)))
        (local.set $end (select (i32.add (local.get $b) (i32.const 1024)) (local.get $n)
                                (i32.lt_u (i32.add (local.get $b) (i32.const 1024)) (local.get $n))))
        (local.set $sv (global.get $ZERO)) (local.set $sdpv (global.get $ZERO)) (local.set $s2v (global.get $ZERO))
        (local.set $j (local.get $b))
        (block $quadsDone
          (loop $quad
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $end)))
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $pa (v128.load (i32.add (local.get $pp) (local.get $at))))
            (local.set $pb (v128.load offset=16 (i32.add (local.get $pp) (local.get $at))))
            ;; $grid4's body
            (local.set $ma (f64x2.sub (f64x2.add (f64x2.mul (local.get $pa) (local.get $Mv)) (global.get $SHIFT)) (global.get $SHIFT)))
            (local.set $mb (f64x2.sub (f64x2.add (f64x2.mul (local.get $pb) (local.get $Mv)) (global.get $SHIFT)) (global.get $SHIFT)))
            (local.set $ya (f64x2.mul (f64x2.sub (local.get $pa) (f64x2.mul (local.get $ma) (local.get $invMv))) (local.get $scalev)))
            (local.set $yb (f64x2.mul (f64x2.sub (local.get $pb) (f64x2.mul (local.get $mb) (local.get $invMv))) (local.get $scalev)))
            (local.set $ma (i32x4.shl (i64x2.sub (f64x2.add (local.get $ma) (global.get $SHIFT)) (global.get $SHIFT_BITS)) (i32.const 3)))
            (local.set $mb (i32x4.shl (i64x2.sub (f64x2.add (local.get $mb) (global.get $SHIFT)) (global.get $SHIFT_BITS)) (i32.const 3)))
            (local.set $ma (v128.load64_lane offset=4096 1 (i32x4.extract_lane 2 (local.get $ma))
                             (v128.load64_zero offset=4096 (i32x4.extract_lane 0 (local.get $ma)))))
            (local.set $mb (v128.load64_lane offset=4096 1 (i32x4.extract_lane 2 (local.get $mb))
                             (v128.load64_zero offset=4096 (i32x4.extract_lane 0 (local.get $mb)))))
            (local.set $ea
              (f64x2.add (local.get $ma)
                (f64x2.mul (local.get $ma)
                  (f64x2.mul (local.get $ya)
                    (f64x2.add (global.get $ONE)
                      (f64x2.mul (local.get $ya)
                        (f64x2.add (global.get $HALF)
                          (f64x2.mul (local.get $ya)
                            (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $ya) (global.get $C24)))))))))))
            (local.set $eb
              (f64x2.add (local.get $mb)
                (f64x2.mul (local.get $mb)
                  (f64x2.mul (local.get $yb)
                    (f64x2.add (global.get $ONE)
                      (f64x2.mul (local.get $yb)
                        (f64x2.add (global.get $HALF)
                          (f64x2.mul (local.get $yb)
                            (f64x2.add (global.get $SIXTH) (f64x2.mul (local.get $yb) (global.get $C24)))))))))))
            (v128.store (i32.add (local.get $ep) (local.get $at)) (local.get $ea))
            (v128.store offset=16 (i32.add (local.get $ep) (local.get $at)) (local.get $eb))
            (local.set $sv (f64x2.add (f64x2.add (local.get $sv) (local.get $ea)) (local.get $eb)))
            (local.set $sdpv (f64x2.add (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $ea) (f64x2.sub (local.get $pa) (local.get $extv))))
                                        (f64x2.mul (local.get $eb) (f64x2.sub (local.get $pb) (local.get $extv)))))
            (local.set $s2v (f64x2.add (f64x2.add (local.get $s2v) (f64x2.mul (local.get $ea) (local.get $ea)))
                                       (f64x2.mul (local.get $eb) (local.get $eb))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quad)))
        (if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $end))
          (then
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $pa (v128.load (i32.add (local.get $pp) (local.get $at))))
            (call $grid4 (local.get $pa) (local.get $pa) (local.get $Mv) (local.get $invMv) (local.get $scalev))
            (drop)
            (local.set $ea)
            (v128.store (i32.add (local.get $ep) (local.get $at)) (local.get $ea))
            (local.set $sv (f64x2.add (local.get $sv) (local.get $ea)))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.mul (local.get $ea) (f64x2.sub (local.get $pa) (local.get $extv)))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.mul (local.get $ea) (local.get $ea))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))))
        (if (i32.lt_u (local.get $j) (local.get $end))
          (then
            (local.set $at (i32.shl (local.get $j) (i32.const 3)))
            (local.set $p1 (f64.load (i32.add (local.get $pp) (local.get $at))))
            (local.set $e1 (call $grid1 (local.get $p1) (local.get $M) (f64x2.extract_lane 0 (local.get $invMv))
                                        (local.get $scale)))
            (f64.store (i32.add (local.get $ep) (local.get $at)) (local.get $e1))
            (local.set $sv (f64x2.add (local.get $sv) (f64x2.replace_lane 0 (global.get $ZERO) (local.get $e1))))
            (local.set $sdpv (f64x2.add (local.get $sdpv) (f64x2.replace_lane 0 (global.get $ZERO)
                                          (f64.mul (local.get $e1) (f64.sub (local.get $p1) (local.get $ext))))))
            (local.set $s2v (f64x2.add (local.get $s2v) (f64x2.replace_lane 0 (global.get $ZERO)
                                         (f64.mul (local.get $e1) (local.get $e1)))))))
        (local.set $S (f64.add (local.get $S) (f64.add (f64x2.extract_lane 0 (local.get $sv)) (f64x2.extract_lane 1 (local.get $sv)))))
        (local.set $Sdp (f64.add (local.get $Sdp) (f64.add (f64x2.extract_lane 0 (local.get $sdpv)) (f64x2.extract_lane 1 (local.get $sdpv)))))
        (local.set $S2 (f64.add (local.get $S2) (f64.add (f64x2.extract_lane 0 (local.get $s2v)) (f64x2.extract_lane 1 (local.get $s2v)))))
        (local.set $b (local.get $end))
        (br $block)))
    (f64.store (i32.const 2080) (local.get $S))
    (f64.store (i32.const 2088) (local.get $Sdp))
    (f64.store (i32.const 2096) (local.get $S2)))

  (func (export "tilt_exp") (param $pp i32) (param $ep i32) (param $n i32) (param $store i32)
                            (param $scale f64) (param $ext f64)
    (call $tilt (local.get $pp) (local.get $ep) (local.get $n) (local.get $store) (i32.const 0)
                (f64.const 1) (local.get $scale) (local.get $ext)))

  ;; simd.wat gradient on the n entries at $pp (p), $qp (e in, q = e·invS out), $gp (∂DR/∂p out),
  ;; $ip (flat indices): ∂DR/∂logit scattered into the float64 array at $gl (no window: it is in this
  ;; memory). An odd n computes one pair past the end (the 16 bytes after each array), scattering n.
  (func (export "gradient") (param $pp i32) (param $qp i32) (param $gp i32) (param $ip i32) (param $gl i32)
                            (param $n i32) (param $invS f64) (param $mean f64) (param $sol f64) (param $g0 f64)
    (local $j i32) (local $end i32) (local $p v128) (local $q v128) (local $g v128) (local $dx v128)
    (local $invSv v128) (local $meanv v128) (local $solv v128) (local $g0v v128)
    (local.set $invSv (f64x2.splat (local.get $invS)))
    (local.set $meanv (f64x2.splat (local.get $mean)))
    (local.set $solv (f64x2.splat (local.get $sol)))
    (local.set $g0v (f64x2.splat (local.get $g0)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $p (v128.load (i32.add (local.get $pp) (local.get $j))))
        (local.set $q (f64x2.mul (v128.load (i32.add (local.get $qp) (local.get $j))) (local.get $invSv)))
        (v128.store (i32.add (local.get $qp) (local.get $j)) (local.get $q))
        (local.set $g (f64x2.mul (f64x2.mul (local.get $g0v) (local.get $q))
                                 (f64x2.add (global.get $ONE)
                                            (f64x2.mul (f64x2.sub (local.get $p) (local.get $meanv)) (local.get $solv)))))
        (v128.store (i32.add (local.get $gp) (local.get $j)) (local.get $g))
        (local.set $dx (f64x2.mul (f64x2.mul (local.get $g) (local.get $p)) (f64x2.sub (global.get $ONE) (local.get $p))))
        (f64.store (i32.add (local.get $gl)
                            (i32.shl (i32.load (i32.add (local.get $ip) (i32.shr_u (local.get $j) (i32.const 1)))) (i32.const 3)))
                   (f64x2.extract_lane 0 (local.get $dx)))
        (if (i32.lt_u (i32.add (local.get $j) (i32.const 8)) (local.get $end))
          (then
            (f64.store (i32.add (local.get $gl)
                                (i32.shl (i32.load offset=4 (i32.add (local.get $ip) (i32.shr_u (local.get $j) (i32.const 1))))
                                         (i32.const 3)))
                       (f64x2.extract_lane 1 (local.get $dx)))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $pair)))))
