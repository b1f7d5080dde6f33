import { eventPaths, Path } from './delivery-paths';
import { PolicyModel } from './policies';
import { decideAll } from './simulate';
import { estateStacks } from './stacks';

// Three platforms of one account and Region share one CloudWatch Logs resource policy (an account
// holds at most 10): simulate EventBridge writing to each platform's events group through it.

const stacks = estateStacks();

test('one resource policy in the account and Region, in the first platform\'s stack', () => {
  const policies = stacks.model.resources('AWS::Logs::ResourcePolicy');
  expect(policies.map((p) => p.template.stackName)).toEqual(['Dev']);
});

test('EventBridge writes to the events group of every platform (DEV, STAGING, PROD) through the shared policy', async () => {
  const requests = eventPaths(stacks.model);
  const groups = new Set(requests.map((r) => r.resource.replace(/:log-stream:.*$/, '')));
  expect([...groups].sort()).toEqual(['/aws/events/shop-dev/platform', '/aws/events/shop-staging/platform', '/aws/events/shop/platform']
    .map((name) => `arn:aws:logs:eu-west-1:111111111111:log-group:${name}`));
  const decided = await decideAll(requests);
  expect(decided.filter((d) => d.decision !== 'Allowed').map((d) => d.req.description)).toEqual([]);
  expect(decided.every((d) => d.req.path === Path.EVENTS_LOGS)).toBe(true);
});

test('the simulation can fail: without the DEV stack (the policy\'s owner), STAGING and PROD deliveries are Denied', async () => {
  const withoutOwner = new PolicyModel(stacks.templates.filter((t) => t.stackName !== 'Dev'));
  const decided = await decideAll(eventPaths(withoutOwner));
  expect(decided.length).toBeGreaterThan(0);
  expect(decided.filter((d) => d.decision === 'Allowed').map((d) => d.req.description)).toEqual([]);
});
