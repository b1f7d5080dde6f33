import { Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newStack } from './nag-helpers';
import { DeploymentEnvironment, LogGroupPlacement, PlatformMonitoring, PlatformMonitoringProps } from '../src';

// Each warning of the library carries a stable id that Annotations.of(scope).acknowledgeWarning(id)
// accepts. (The cross-stack ids are tested in test/multi-stack/, the summary's in test/summary/.)
const CASES: Array<[string, (stack: Stack) => Partial<PlatformMonitoringProps>]> = [
  ['cdk-platform-monitoring:complianceRetention', () => ({ logRetention: logs.RetentionDays.THREE_YEARS })],
  ['cdk-platform-monitoring:autoLogGroupPlacement', () => ({ logging: { lambdaLogGroupPlacement: LogGroupPlacement.AUTO } })],
  ['cdk-platform-monitoring:existingChatChannel', () => ({
    recipients: { existingChatChannels: [{ configurationArn: 'arn:aws:chatbot::123456789012:chat-configuration/slack-channel/shop-prod' }] },
  })],
  ['cdk-platform-monitoring:importedKeyPolicy', (stack) => ({
    encryptionKey: kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
  })],
];

describe.each(CASES)('%s', (id, props) => {
  function warnings(acknowledge: boolean) {
    const { app, stack } = newStack();
    if (acknowledge) CoreAnnotations.of(stack).acknowledgeWarning(id, 'known and accepted');
    new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', ...props(stack) } as PlatformMonitoringProps);
    app.synth();
    return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`\\[ack: ${id}\\]$`));
  }

  test('is given, with its id', () => expect(warnings(false)).toHaveLength(1));
  test('is acknowledgeable by its id', () => expect(warnings(true)).toEqual([]));
});
