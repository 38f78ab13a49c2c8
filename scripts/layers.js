// The layer order of src/, lowest first, and the one ESLint rule generated from it: a file in
// src/<layer>/ may import (values or types, statically, re-exported or dynamically) only from its own
// folder or a folder earlier in LAYERS. A folder missing from the list is itself an error, so every
// folder under src/ is covered and none is an exception.
import path from 'node:path';

export const LAYERS = [
  'engine', // the maths: pure TypeScript over typed arrays
  'data', // candidate sets: presets, rng, edits (CandidateSet and friends)
  'params', // AppParams and the one parameter table (ranges, defaults, toEngineParams)
  'io', // reading cases: JSON, CSV
  'explain', // set + params → ExplainerData, what the panels draw
  'check', // diagnosing another implementation against the engine
  'train', // training a head with DR, focal and BCE
  'cli', // the `dr` command
  'worker', // the engine in a Web Worker: protocol, handler, client
  'i18n', // Lang and the string tables
  'state', // the zustand store, undo, permalink (PanelEdit, PersistedState)
  'viz', // d3 scales, shapes, canvas painters
  'panels', // one React component per step of the paper's argument
  'app', // the page
];

/** The layer folder of an absolute path inside `srcDir`, or null when outside src/. */
function layerOf(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: `src/ folders import only downward: ${LAYERS.join(' ← ')}` },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcDir = path.join(context.cwd, 'src');
    const own = layerOf(file, srcDir);
    if (own === null) return {};
    const ownRank = LAYERS.indexOf(own);
    if (own !== '' && ownRank < 0) {
      return {
        Program(node) {
          context.report({
            node,
            message: `src/${own}/ is not in the layer list (scripts/layers.js): add it where it belongs`,
          });
        },
      };
    }
    function check(node, source) {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = layerOf(path.resolve(path.dirname(file), source.value), srcDir);
      if (target === null || target === own || target === '') return;
      const rank = LAYERS.indexOf(target);
      if (own === '' || rank < 0 || rank > ownRank) {
        context.report({
          node,
          message: `src/${own || '.'} may not import from src/${target}/: layers import downward only (${LAYERS.join(' ← ')})`,
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

export const layersPlugin = { rules: { 'import-downward': layersRule } };
