/**
 * The subcommands of `dr`, by name: `dr <name> ...` runs COMMANDS[name] on the rest of argv. A new
 * subcommand is a module exporting a Command and one line here.
 */
import { runCheck } from './check.ts';
import { runTrain } from './train.ts';
import { runVectors } from './vectors.ts';
import type { Command } from './io.ts';

export const COMMANDS: Readonly<Record<string, Command>> = {
  check: runCheck,
  train: runTrain,
  vectors: runVectors,
};
