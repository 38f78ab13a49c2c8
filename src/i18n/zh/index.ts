/**
 * The merged Chinese table, its own chunk: strings.ts loadLang('zh') fetches it. (Each part is typed
 * against its English keys; this file imports nothing from strings.ts, which imports it.)
 */
import { app } from './app.ts';
import { baseline } from './baseline.ts';
import { exportStrings } from './export.ts';
import { train } from './train.ts';
import { tour } from './tour.ts';
import { controls } from './controls.ts';
import { notices } from './notices.ts';
import { panels } from './panels.ts';

/** Every Chinese topic's table, for the tests that check keys per topic. */
export const ZH_PARTS = {
  app,
  controls,
  notices,
  panels,
  baseline,
  export: exportStrings,
  train,
  tour,
} as const;

export const zh = {
  ...app,
  ...controls,
  ...notices,
  ...panels,
  ...baseline,
  ...exportStrings,
  ...train,
  ...tour,
};
