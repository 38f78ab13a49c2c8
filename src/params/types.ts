/**
 * The parameters as the person chose them: plain, URL-friendly numbers (what the permalink and
 * localStorage carry). src/params/table.ts gives each numeric one its range and default and maps them
 * to the engine's DRParams.
 */
import type { Smoothing } from '../engine/types.ts';

/** The parameters as the UI holds them (plain numbers, URL-friendly). */
export interface AppParams {
  margin: number;
  lambdaPos: number;
  lambdaNeg: number;
  L: number;
  tau: number;
  rho: number;
  smoothing: Smoothing;
  /** The original distribution o: uniform, or uniform over the top `hardK` negatives. */
  original: 'uniform' | 'hardNegative';
  hardK: number;
}
