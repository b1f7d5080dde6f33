import { deliveryPaths } from './delivery-paths';
import { keyAdminRequests } from './misuse-paths';
import { PolicyModel, servicePrincipals } from './policies';
import { Proof, PROOFS } from './proofs';
import { decide, PathRequest } from './simulate';
import { allOptionsStack, defaultStack, FIXTURE_LOGICAL_ID, SimulatedStack } from './stacks';

// The harness can fail: for each service statement of the synthesized templates, take it out and
// its delivery path must turn Denied. Without this, "every path is Allowed" could hold for a
// harness that allows everything.

/** Every request a proof may break: the delivery paths and key administration. */
function requests(model: PolicyModel, stack: SimulatedStack): PathRequest[] {
  return [...deliveryPaths(model, stack.options), ...keyAdminRequests(model).allowed];
}

describe.each([
  ['composed default', defaultStack],
  ['all options', allOptionsStack],
] as [string, () => SimulatedStack][])('%s stack: each statement removed breaks its path', (_name, build) => {
  let stack: SimulatedStack;
  beforeAll(() => {
    stack = build();
  });

  const applicable = (s: SimulatedStack, p: Proof) => requests(s.model, s).some(p.breaks);

  test.each(PROOFS.map((p) => [p.statement, p] as const))('without %s', (_statement, proof) => {
    const before = requests(stack.model, stack).filter(proof.breaks);
    if (!applicable(stack, proof)) {
      // Only the all-options stack replicates; every other proof applies to both stacks.
      expect(proof.statement).toMatch(/^replication /);
      return;
    }
    expect(before.filter((r) => decide(r) !== 'Allowed').map((r) => r.description)).toEqual([]);
    const after = requests(stack.model.withEdit(proof.edit), stack).filter(proof.breaks);
    expect(after).toHaveLength(before.length);
    expect(after.filter((r) => decide(r) === 'Allowed').map((r) => r.description)).toEqual([]);
  });

  test('every service statement of the platform in the templates has a proof', () => {
    const unproven = stack.model.serviceStatements().filter(({ location, statement }) =>
      !FIXTURE_LOGICAL_ID.test(location.logicalId) && PROOFS.every((p) => p.edit(location, statement) === statement));
    expect(unproven.map(({ location, statement }) => `${location.type} ${statement.Sid ?? servicePrincipals(statement).join(',')}`)).toEqual([]);
  });
});
