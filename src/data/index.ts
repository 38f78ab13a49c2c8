/** Candidate sets: seeded presets, edits, and materialising a source (see each module). */
export { DEFAULT_SEED, PRESETS, generatePreset, isPresetId, presetInfo } from './presets.ts';
export type { PresetInfo } from './presets.ts';
export { applyEdits, applyEditsReport, editProblem } from './edits.ts';
export { materialize, sourceEntries } from './materialize.ts';
