import { CfnParameter, Fn } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NagRuleCompliance } from 'cdk-nag';
import { LogGroupEncrypted } from '../../../src/nag/rules/log-group-encrypted';
import { LogGroupRetention } from '../../../src/nag/rules/log-group-retention';
import { flaggedBy, logicalId, newStack } from '../../nag-helpers';

describe('PlatformMonitoring-LogGroupEncrypted', () => {
  test('compliant: a log group with a KMS key', () => {
    const { app, stack } = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new logs.LogGroup(stack, 'Logs', { encryptionKey: key });
    expect(flaggedBy(app, stack, 'LogGroupEncrypted')).toEqual([]);
  });

  test('non-compliant: a log group without a key', () => {
    const { app, stack } = newStack();
    const group = new logs.LogGroup(stack, 'Logs');
    expect(flaggedBy(app, stack, 'LogGroupEncrypted')).toEqual([logicalId(group)]);
  });

  test('a key ARN imported from another stack (Fn::ImportValue) counts as set', () => {
    const { app, stack } = newStack();
    new logs.CfnLogGroup(stack, 'Logs', { kmsKeyId: Fn.importValue('SharedKeyArn'), retentionInDays: 30 });
    expect(flaggedBy(app, stack, 'LogGroupEncrypted')).toEqual([]);
  });

  test('not applicable to other resources', () => {
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    expect(LogGroupEncrypted(key.node.defaultChild as kms.CfnKey)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});

describe('PlatformMonitoring-LogGroupRetention', () => {
  test.each([logs.RetentionDays.ONE_DAY, logs.RetentionDays.ONE_YEAR, logs.RetentionDays.TEN_YEARS])('compliant: %d days', (days) => {
    const { app, stack } = newStack();
    new logs.LogGroup(stack, 'Logs', { retention: days });
    expect(flaggedBy(app, stack, 'LogGroupRetention')).toEqual([]);
  });

  test('non-compliant: never expire', () => {
    const { app, stack } = newStack();
    const group = new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.INFINITE });
    expect(flaggedBy(app, stack, 'LogGroupRetention')).toEqual([logicalId(group)]);
  });

  test('non-compliant: a period CloudWatch does not accept', () => {
    const { app, stack } = newStack();
    const group = new logs.CfnLogGroup(stack, 'Logs', { retentionInDays: 42 });
    expect(flaggedBy(app, stack, 'LogGroupRetention')).toEqual([logicalId(group)]);
  });

  test('non-compliant: a retention only known at deploy (parameter)', () => {
    const { app, stack } = newStack();
    const days = new CfnParameter(stack, 'Days', { type: 'Number' });
    const group = new logs.CfnLogGroup(stack, 'Logs', { retentionInDays: days.valueAsNumber });
    expect(flaggedBy(app, stack, 'LogGroupRetention')).toEqual([logicalId(group)]);
  });

  test('reads L1 properties: a numeric string counts, a raw property override is not seen', () => {
    const { stack } = newStack();
    const group = new logs.CfnLogGroup(stack, 'Logs');
    group.addPropertyOverride('RetentionInDays', 30);
    expect(LogGroupRetention(group)).toBe(NagRuleCompliance.NON_COMPLIANT);
    group.retentionInDays = '30' as unknown as number;
    expect(LogGroupRetention(group)).toBe(NagRuleCompliance.COMPLIANT);
  });
});
