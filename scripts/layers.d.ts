// Types of scripts/layers.js for the TypeScript tests that import it (the ESLint config is plain JS).
import type { ESLint, Rule } from 'eslint';

export declare const LAYERS: readonly string[];
export declare const layersRule: Rule.RuleModule;
export declare const layersPlugin: ESLint.Plugin;
