/**
 * An org with more variables than one page of the values route holds, for the core, hook and component
 * tests alike.
 *
 * @module
 */
import { mockVariableDefinitions } from '../src/testing/mock-refold/index.js';
import type { MockRefold, MockVariableDefinition } from '../src/testing/mock-refold/index.js';

/**
 * The default definitions plus `extra` string ones of the `linked_account` scope (`FEATURE_001` …), for the
 * mock's `variableDefinitions` option.
 */
export function manyVariableDefinitions(extra: number): MockVariableDefinition[] {
  return [
    ...mockVariableDefinitions,
    ...Array.from({ length: extra }, (_, i) => ({
      _id: `66a0f${String(i + 1).padStart(19, '0')}`,
      name: `FEATURE_${String(i + 1).padStart(3, '0')}`,
      description: `Feature switch ${i + 1}`,
      scope: 'linked_account' as const,
      var_format: 'string' as const,
      encrypted: false,
    })),
  ];
}

/** Stores a value (`on-FEATURE_001` …) of every `FEATURE_…` definition for `account`; answers how many. */
export function storeFeatureValues(
  mock: MockRefold,
  account: string,
  definitions: readonly MockVariableDefinition[],
): number {
  const features = definitions.filter((d) => d.name.startsWith('FEATURE_'));
  for (const d of features) mock.account(account).setVariable(d._id, `on-${d.name}`);
  return features.length;
}
