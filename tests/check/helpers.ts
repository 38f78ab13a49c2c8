// Shared by the tests of src/check: run `diagnose` on a JSON check the way `dr check` reads it.
import { parseChecksValue } from '../../src/check/checkInput.ts';
import { diagnose } from '../../src/check/diagnose.ts';
import type { Diagnosis } from '../../src/check/diagnose.ts';
import type { PortCase, PortOutput } from './ports.ts';

/** The diagnosis of `yours` for `c`; throws when the check does not parse. */
export function diagnoseJson(
  c: PortCase,
  yours: Partial<PortOutput> & { loss: number },
): Diagnosis {
  const parsed = parseChecksValue({ ...c, yours });
  if (!parsed.ok) throw new Error(parsed.error);
  return diagnose(parsed.checks[0]);
}
