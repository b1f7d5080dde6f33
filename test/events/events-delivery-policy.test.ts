import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { DeploymentEnvironment, EventsDeliveryPolicy, PlatformEvents } from '../../src';
import { newApp, newStack } from '../fixtures';

// The CloudWatch Logs resource policy that lets EventBridge write to the events log group: one
// account-level policy shared by every platform of an account and Region (an account holds at
// most 10; CloudWatch Logs API Reference, PutResourcePolicy).

const policiesOf = (stack: Stack) => Object.values(Template.fromStack(stack).findResources('AWS::Logs::ResourcePolicy')) as any[];
const rulesOf = (stack: Stack) => Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule')) as any[];
/** The policy document, its partition resolved and a group ARN written `GetAtt:<logical id>`. */
function documentOf(policy: any): any {
  const doc = policy.Properties.PolicyDocument;
  if (typeof doc === 'string') return JSON.parse(doc);
  const part = (p: any) => (typeof p === 'string' ? p : p.Ref === 'AWS::Partition' ? 'aws' : `GetAtt:${p['Fn::GetAtt'][0]}`);
  return JSON.parse(doc['Fn::Join'][1].map(part).join(''));
}

function events(stack: Stack, id: string, groupName: string, extra: object = {}) {
  const logGroup = new logs.LogGroup(stack, `${id}Group`, { logGroupName: groupName });
  return new PlatformEvents(stack, id, { projectName: 'shop', environment: DeploymentEnvironment.DEV, logGroup, ...extra });
}

describe('EventsDeliveryPolicy', () => {
  test('SHARED (default for /aws/events/<name>/platform): one policy named for every app, over every platform events group', () => {
    const { stack } = newStack();
    events(stack, 'Events', '/aws/events/shop-dev/platform');
    const [policy] = policiesOf(stack);
    expect(policiesOf(stack)).toHaveLength(1);
    expect(policy.Properties.PolicyName).toBe('platform-monitoring-events-to-logs');
    expect(documentOf(policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'AllowEventBridgeToWritePlatformEvents',
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/events/*/platform:*',
      }],
    });
    for (const rule of rulesOf(stack)) expect(rule.DependsOn).toEqual([expect.stringMatching(/^EventsDeliveryPolicy/)]);
  });

  test('platforms of one app in one account and Region share the first one\'s policy, across stacks', () => {
    const app = newApp();
    const env = { account: '123456789012', region: 'eu-west-1' };
    const dev = new Stack(app, 'Dev', { env });
    const prod = new Stack(app, 'Prod', { env });
    const other = new Stack(app, 'OtherRegion', { env: { ...env, region: 'us-east-1' } });
    events(dev, 'Events', '/aws/events/shop-dev/platform');
    events(prod, 'Events', '/aws/events/shop/platform');
    events(prod, 'Events2', '/aws/events/blog/platform');
    events(other, 'Events', '/aws/events/shop/platform');
    expect(policiesOf(dev)).toHaveLength(1);
    expect(policiesOf(prod)).toHaveLength(0);
    expect(policiesOf(other)).toHaveLength(1);
    // Prod's rules wait for Dev's policy: Prod deploys after Dev.
    expect(prod.dependencies.map((s) => s.stackName)).toEqual(['Dev']);
    expect(other.dependencies).toEqual([]);
  });

  test('environment-agnostic stacks share with no other stack', () => {
    const app = newApp();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    events(a, 'Events', '/aws/events/shop-dev/platform');
    events(b, 'Events', '/aws/events/shop/platform');
    expect(policiesOf(a)).toHaveLength(1);
    expect(policiesOf(b)).toHaveLength(1);
    expect(b.dependencies).toEqual([]);
  });

  test('EXISTING: no policy, and the rules wait for nothing', () => {
    const { stack } = newStack();
    events(stack, 'Events', '/aws/events/shop-dev/platform', { deliveryPolicy: EventsDeliveryPolicy.EXISTING });
    expect(policiesOf(stack)).toHaveLength(0);
    for (const rule of rulesOf(stack)) expect(rule.DependsOn).toBeUndefined();
  });

  test('PER_LOG_GROUP, and the default for a group the shared policy does not cover: a policy of its own over its group only', () => {
    for (const [name, extra] of [
      ['/aws/events/shop-dev/platform', { deliveryPolicy: EventsDeliveryPolicy.PER_LOG_GROUP }],
      ['/aws/events/shop-dev', {}],
    ] as [string, object][]) {
      const { stack } = newStack();
      events(stack, 'Events', name, extra);
      const [policy] = policiesOf(stack);
      expect(policiesOf(stack)).toHaveLength(1);
      expect(policy.Properties.PolicyName).toBe('shop-dev-events-to-logs');
      expect(documentOf(policy).Statement.map((st: any) => st.Resource)).toEqual([expect.stringMatching(/^GetAtt:EventsGroup[0-9A-F]+$/)]);
    }
  });

  test('SHARED or EXISTING with a group the shared policy does not cover fails at synth', () => {
    for (const mode of [EventsDeliveryPolicy.SHARED, EventsDeliveryPolicy.EXISTING]) {
      const { stack } = newStack();
      expect(() => events(stack, 'Events', '/aws/events/shop-dev', { deliveryPolicy: mode })).toThrow(
        `deliveryPolicy is ${mode}, but the shared CloudWatch Logs resource policy covers only log groups named `
        + '/aws/events/*/platform and the events log group is "/aws/events/shop-dev": name the group '
        + '/aws/events/<name>/platform, or set deliveryPolicy to EventsDeliveryPolicy.PER_LOG_GROUP.');
    }
  });

  test('an unknown mode fails at synth', () => {
    const { stack } = newStack();
    expect(() => events(stack, 'Events', '/aws/events/shop-dev/platform', { deliveryPolicy: 'account' }))
      .toThrow('deliveryPolicy is "account", which is not a EventsDeliveryPolicy: use one of EventsDeliveryPolicy.SHARED, '
        + 'EventsDeliveryPolicy.EXISTING, EventsDeliveryPolicy.PER_LOG_GROUP.');
  });
});
