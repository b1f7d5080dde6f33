import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { newStack } from './nag-helpers';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../src';

function build(props: Partial<PlatformMonitoringProps>, stack: Stack = newStack().stack) {
  return new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'shop', ...props });
}

describe('projectName', () => {
  test('empty', () => {
    expect(() => build({ projectName: '' })).toThrow(/projectName must not be empty/);
  });
  test('too long for the trail bucket name', () => {
    expect(() => build({ projectName: 'a'.repeat(35) })).toThrow(
      /projectName must be at most 34 characters .*cloudtrail-logs-<account-id>.*63-character limit; got 35 characters/);
  });
  // Names AWS refuses although they pass the character rules: the trail name (no adjacent hyphens)
  // and the trail bucket's name (reserved prefixes).
  test('two adjacent hyphens are refused: CloudTrail refuses them in the trail name', () => {
    expect(() => build({ projectName: 'my--shop' })).toThrow(
      'projectName must not contain two adjacent hyphens: it names the audit trail, and CloudTrail refuses trail names with '
      + 'adjacent hyphens; got "my--shop". Try "my-shop".');
    expect(() => build({ projectName: 'xn--shop' })).toThrow(/adjacent hyphens; got "xn--shop". Try "xn-shop"/);
  });
  test.each(['sthree', 'sthree-shop', 'amzn-s3-demo', 'amzn-s3-demo-shop'])('"%s" is refused: S3 reserves the bucket-name prefix', (name) => {
    const prefix = name.startsWith('sthree') ? 'sthree-' : 'amzn-s3-demo-';
    expect(() => build({ projectName: name })).toThrow(
      `projectName must not start with "${prefix}": it begins the trail bucket's name, and S3 reserves that prefix for bucket `
      + `names; got "${name}". Choose another name.`);
  });
  test('34 characters is accepted', () => {
    expect(() => build({ projectName: 'a'.repeat(34) })).not.toThrow();
  });
  test.each([
    ['Ecommerce', 'ecommerce'],
    ['my_platform', 'my-platform'],
    ['-shop', 'shop'],
    ['shop-', 'shop'],
    ['shop.prod', 'shop-prod'],
  ])('rejects "%s" and suggests "%s"', (name, suggestion) => {
    expect(() => build({ projectName: name })).toThrow(
      new RegExp(`projectName may contain only lowercase letters, digits and hyphens.*got "${name.replace('.', '\\.')}"\\. Try "${suggestion}"`));
  });
  test('an unresolved token is refused: names must be known at synth', () => {
    expect(() => build({ projectName: Token.asString({ Ref: 'P' }) })).toThrow(/projectName must be a literal string/);
  });
  test('the error names the construct', () => {
    expect(() => build({ projectName: '' })).toThrow(/at TestStack\/Monitoring/);
  });
});

describe('logRetention', () => {
  test('INFINITE is refused', () => {
    expect(() => build({ logRetention: logs.RetentionDays.INFINITE })).toThrow(/logRetention must be finite: INFINITE/);
  });
  test('a value CloudWatch Logs does not accept is refused', () => {
    expect(() => build({ logRetention: 42 as logs.RetentionDays })).toThrow(
      /logRetention must be one of 1, 3, 5, 7, 14, 30, .* days .*; got 42/);
  });
  test('an unresolved token is not validated', () => {
    expect(() => build({ logRetention: Token.asNumber({ Ref: 'Days' }) })).not.toThrow();
  });
  test.each([logs.RetentionDays.ONE_DAY, logs.RetentionDays.ONE_YEAR, logs.RetentionDays.TEN_YEARS])('%d days is accepted', (days) => {
    expect(() => build({ logRetention: days })).not.toThrow();
  });
});

test('a retention some compliance rule sets reject is allowed with a warning', () => {
  const { stack } = newStack();
  build({ logRetention: logs.RetentionDays.THREE_YEARS }, stack);
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('logRetention of 1096 days is accepted'));
  expect(warnings).toHaveLength(1);
  const { stack: quiet } = newStack();
  build({ logRetention: logs.RetentionDays.ONE_YEAR }, quiet);
  expect(Annotations.fromStack(quiet).findWarning('*', Match.stringLikeRegexp('days is accepted'))).toHaveLength(0);
});

describe('recipients.emails', () => {
  test('malformed address', () => {
    expect(() => build({ recipients: { emails: ['ops@example.com', 'not-an-email'] } })).toThrow(
      /recipients\.emails contains "not-an-email", which is not an email address/);
  });
  test('address with spaces', () => {
    expect(() => build({ recipients: { emails: ['ops @example.com'] } })).toThrow(/"ops @example.com", which is not an email address/);
  });
  test('duplicates, compared case-insensitively', () => {
    expect(() => build({ recipients: { emails: ['ops@example.com', 'Ops@Example.com'] } })).toThrow(
      /recipients\.emails lists "Ops@Example.com" more than once \(as "ops@example.com"\)/);
    expect(() => build({ recipients: { emails: ['a@b.co', 'a@b.co'] } })).toThrow(/recipients\.emails lists "a@b.co" more than once: /);
  });
  test('tokens are not validated', () => {
    expect(() => build({ recipients: { emails: [Token.asString({ Ref: 'Email' })] } })).not.toThrow();
  });
});

describe('environment', () => {
  // There is no default: PROD (retained, fixed names) was the worst one for a first try.
  test('is required (JavaScript callers can omit it)', () => {
    expect(() => build({ environment: undefined })).toThrow(
      'environment is required: set it to DeploymentEnvironment.DEV or STAGING to try the platform (RemovalPolicy.DESTROY '
      + 'is then accepted), or PROD for a platform whose audit data is retained.');
  });
});

describe('removalPolicy', () => {
  test('DESTROY is refused in PROD', () => {
    expect(() => build({ removalPolicy: RemovalPolicy.DESTROY })).toThrow(/removalPolicy DESTROY is refused in PROD/);
  });
  test('SNAPSHOT is refused', () => {
    expect(() => build({ environment: DeploymentEnvironment.DEV, removalPolicy: RemovalPolicy.SNAPSHOT }))
      .toThrow(/removalPolicy SNAPSHOT is not supported/);
  });
  test('DESTROY is accepted in DEV and applies to the key', () => {
    const { stack } = newStack();
    build({ environment: DeploymentEnvironment.DEV, removalPolicy: RemovalPolicy.DESTROY }, stack);
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
  test('RETAIN by default', () => {
    const { stack } = newStack();
    build({ environment: DeploymentEnvironment.DEV }, stack);
    Template.fromStack(stack).hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });
});
