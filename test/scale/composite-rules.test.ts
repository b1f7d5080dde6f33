import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DeploymentEnvironment, PlatformMonitoring } from '../../src';
import { RECOMMENDED_CONTEXT } from '../fixtures';

// A composite alarm's rule is at most 10,240 characters (CloudWatch API Reference,
// PutCompositeAlarm). An alarm ARN with a 255-character name is 315 characters, so the platform-health
// composite nests parts of at most 30 inputs; the synth-time check (shared-quotas.ts) counts every
// alarm of another template at 255 characters and fails the synth otherwise.

test('platform health with 120 API alarms near the 255-character name limit: parts of at most 30 inputs, synth passes', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Platform', { env: { account: '123456789012', region: 'eu-west-1' } });
  new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    restApiStages: Array.from({ length: 60 }, (_, i) => ({ apiName: `api-${i}-`.padEnd(200, 'x'), stageName: 'prod' })),
  });
  app.synth(); // the plugin fails the synth on a rule over 10,240 characters
  const composites = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::CompositeAlarm'));
  const inputs = composites.map((c) => JSON.stringify(c.Properties.AlarmRule).split('ALARM(').length - 1);
  expect(Math.max(...inputs)).toBeLessThanOrEqual(30);
  expect(composites.length).toBeGreaterThan(4);
  const names = composites.map((c) => c.Properties.AlarmName as string);
  expect(names).toContain('shop-prod-platform-health');
  expect(names).toContain('shop-prod-platform-health-part5');
});
