import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { PlatformMonitoring } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { newStack } from '../nag-helpers';

// CloudWatch alarm names are at most 255 characters (PutMetricAlarm, AlarmName: "Length
// Constraints: Minimum length of 1. Maximum length of 255"): a longer name fails at deploy, so the
// alarm factory refuses it at synth with the name, its length and the fix.

test('an alarm name longer than 255 characters fails at synth, naming the alarm and the fix', () => {
  const { stack } = newStack();
  const api = apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Api', { httpApiId: 'abc123' });
  const displayName = 'x'.repeat(240);
  expect(() => new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', httpApis: [{ api, displayName }] }))
    .toThrow(/alarm name "shop-prod-http-api-x{240}-5xx" is 263 characters, more than CloudWatch's 255: use a shorter projectName or identifier/);
});

test('a name of exactly 255 characters is accepted', () => {
  const { stack } = newStack();
  const api = apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Api', { httpApiId: 'abc123' });
  // "shop-prod-http-api-" (19) + name + "-latency-p99" (12), the longest of the API's alarm names = 255.
  const displayName = 'x'.repeat(255 - 19 - 12);
  expect(() => new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', httpApis: [{ api, displayName }] })).not.toThrow();
});
