import { ChatPath, chatConfigurations, chatPaths } from './chat-paths';
import { PolicyModel } from './policies';
import { decideAll } from './simulate';
import { sharedChatChannelStacks } from './stacks';

// One Slack channel for DEV and PROD of one account: PROD's configuration delivers DEV's critical
// topic too (additionalTopicArns); DEV creates no configuration (existingChatChannels). Simulated:
// AWS Chatbot's service-linked role subscribes to both platforms' topics, against their topic policies.

const stacks = sharedChatChannelStacks();
const DEV_CRITICAL = 'arn:aws:sns:eu-west-1:111111111111:shop-dev-alerts-critical';

test('one configuration in the account, PROD\'s, delivering PROD\'s alert topic and DEV\'s critical topic', () => {
  const configs = chatConfigurations(stacks.model);
  expect(configs.map((c) => [c.name, c.topics])).toEqual([
    ['shop-prod-slack-C0ALERTS01', ['arn:aws:sns:eu-west-1:111111111111:shop-prod-alerts', DEV_CRITICAL]],
  ]);
  // DEV's critical topic exists in DEV's template under that ARN.
  const devTopics = stacks.templates.find((t) => t.stackName === 'Dev')!.resources('AWS::SNS::Topic')
    .map((t) => t.template.resolve({ Ref: t.logicalId }));
  expect(devTopics).toContain(DEV_CRITICAL);
});

test('every chat path is Allowed: AWS Chatbot subscribes to DEV\'s topic as to PROD\'s', async () => {
  const decided = await decideAll(chatPaths(stacks.model));
  expect(decided.filter((d) => d.decision !== 'Allowed').map((d) => d.req.description)).toEqual([]);
  expect(decided.filter((d) => d.req.path === ChatPath.SUBSCRIBE).map((d) => d.req.resource)).toContain(DEV_CRITICAL);
});

test('the simulation can fail: without the service-linked role\'s policy, DEV\'s topic policy alone does not let AWS Chatbot subscribe', async () => {
  const model = new PolicyModel(stacks.templates);
  const subscribe = chatPaths(model).filter((r) => r.path === ChatPath.SUBSCRIBE && r.resource === DEV_CRITICAL);
  expect(subscribe).toHaveLength(1);
  const denied = await decideAll(subscribe.map((r) => ({ ...r, identityPolicies: [] })));
  expect(denied.map((d) => d.decision)).not.toContain('Allowed');
});
