import { readFileSync } from 'fs';
import { join } from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R4Checks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';
import { PlatformMonitoringChecks } from '../../src/nag/platform-monitoring-checks';
import { newStack, RULE_PREFIX } from '../nag-helpers';

/*
 * Our pack adds to cdk-nag's packs instead of repeating them: the rules a standard pack already
 * covers are opt-in (`includeOverlappingRules`). These tests run every pack over one stack that
 * breaks all 16 of our rules and check (1) which rules the default pack reports, (2) that the README
 * rule table says the same, and (3) that each overlap the README claims is real: the named cdk-nag
 * rules fire on the same resources, or, where the README says ours is stricter, miss one ours flags.
 */

const metric = new cloudwatch.Metric({ namespace: 'shop', metricName: 'Errors' });

/** One stack that breaks every rule of our pack, including the cases where ours is stricter than cdk-nag's. */
function everythingWrong(): { app: App; stack: Stack } {
  const { app, stack } = newStack();
  // log groups: no key, never expire; a retention CloudWatch Logs does not accept (encrypted, to isolate it)
  new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.INFINITE });
  new logs.CfnLogGroup(stack, 'OddRetention', { retentionInDays: 42, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abc' });
  // keys: no rotation; a service principal allowed without any scoping condition
  const key = new kms.Key(stack, 'Key');
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')], actions: ['kms:Decrypt'], resources: ['*'],
  }));
  // topics: unencrypted and without TLS; the AWS-managed key; a customer key but no TLS deny
  new sns.Topic(stack, 'Plain');
  new sns.Topic(stack, 'AwsManagedKey', { masterKey: kms.Alias.fromAliasName(stack, 'SnsAlias', 'alias/aws/sns'), enforceSSL: true });
  new sns.Topic(stack, 'EncryptedNoTls', { masterKey: key });
  // an alarm whose topic policy (enforceSSL) and key policy do not let CloudWatch publish
  const keyWithoutGrant = new kms.Key(stack, 'TopicKey', { enableKeyRotation: true });
  const alertTopic = new sns.Topic(stack, 'Alerts', { masterKey: keyWithoutGrant, enforceSSL: true });
  new cloudwatch.Alarm(stack, 'Notifying', { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(new actions.SnsAction(alertTopic));
  // alarms that notify nobody: no action; only INSUFFICIENT_DATA; a composite alarm without actions
  const silent = new cloudwatch.Alarm(stack, 'Silent', { metric, threshold: 1, evaluationPeriods: 1 });
  new cloudwatch.Alarm(stack, 'OnlyInsufficientData', { metric, threshold: 1, evaluationPeriods: 1 })
    .addInsufficientDataAction(new actions.SnsAction(alertTopic));
  new cloudwatch.CompositeAlarm(stack, 'Composite', { alarmRule: cloudwatch.AlarmRule.fromAlarm(silent, cloudwatch.AlarmState.ALARM) });
  // buckets: L2 defaults (no public access block stated, no TLS policy, no default encryption); public policies allowed
  new s3.Bucket(stack, 'Bucket');
  new s3.Bucket(stack, 'PolicyMayBePublic', {
    blockPublicAccess: new s3.BlockPublicAccess({
      blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false,
    }),
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
  });
  // a single-region trail without KMS, validation or CloudWatch Logs delivery
  new cloudtrail.Trail(stack, 'Trail', { isMultiRegionTrail: false, enableFileValidation: false });
  return { app, stack };
}

/** Rule name → logical ids it flags under `scope`, for any pack. */
function flaggedByRule(pack: NagPack, scope: IConstruct): Map<string, Set<string>> {
  const logicalIds = new Map<string, string>();
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c)) logicalIds.set(c.node.path, Stack.of(c).resolve(c.logicalId));
  }
  const byRule = new Map<string, Set<string>>();
  for (const v of pack.validateScope(scope).violations) {
    const ids = byRule.get(v.ruleName) ?? new Set<string>();
    for (const r of v.violatingResources) ids.add(logicalIds.get(r.constructPath ?? '') ?? String(r.constructPath));
    byRule.set(v.ruleName, ids);
  }
  return byRule;
}

interface ReadmeRow {
  readonly id: string;
  /** cdk-nag rule ids named in the "Overlapping cdk-nag rules" cell, braces expanded. */
  readonly overlaps: string[];
  /** The cell says our rule is stricter than those. */
  readonly oursStricter: boolean;
  readonly set: string;
}

/** `{A,B}-Rule` → `A-Rule`, `B-Rule` (the README's shorthand). */
function expandBraces(id: string): string[] {
  const m = /^\{([^}]+)\}(-.+)$/.exec(id);
  return m ? m[1].split(',').map((pack) => `${pack}${m[2]}`) : [id];
}

/** The rows of the README's `PlatformMonitoringChecks` rule table. */
function readmeRows(): ReadmeRow[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'docs', 'compliance.md'), 'utf-8');
  const header = '| Id | Checks | Overlapping cdk-nag rules | Set | How to fix |';
  const start = readme.indexOf(header);
  expect(start).toBeGreaterThan(-1);
  const rows: ReadmeRow[] = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
    expect(cells).toHaveLength(5);
    const [idCell, , overlapCell, setCell] = cells;
    const spans = [...overlapCell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    rows.push({
      id: idCell.replace(/`/g, ''),
      overlaps: spans.filter((s) => /^(\{[A-Za-z0-9.,]+\}|[A-Za-z0-9.]+)-[A-Za-z0-9]+$/.test(s)).flatMap(expandBraces),
      oursStricter: /ours is stricter/.test(overlapCell),
      set: setCell.split(/[:\s]/)[0],
    });
  }
  return rows;
}

describe('PlatformMonitoringChecks: default and opt-in rule sets', () => {
  const { app, stack } = everythingWrong();
  const all = flaggedByRule(new PlatformMonitoringChecks(app, { includeOverlappingRules: true }), stack);
  const byDefault = flaggedByRule(new PlatformMonitoringChecks(app), stack);
  const notOptedIn = flaggedByRule(new PlatformMonitoringChecks(app, { includeOverlappingRules: false }), stack);
  const names = (m: Map<string, Set<string>>) => [...m.keys()].map((id) => id.slice(RULE_PREFIX.length)).sort();

  test('the fixture breaks all 16 rules when every rule is on', () => {
    expect(names(all)).toHaveLength(16);
  });

  test('by default only the rules no standard pack covers, and those stricter than their counterpart, fire', () => {
    expect(names(byDefault)).toEqual([
      'AlarmHasAction',
      'AlarmTopicKeyAllowsCloudWatch',
      'AlarmTopicPolicyAllowsCloudWatch',
      'CloudTrailMultiRegion',
      'KmsServicePrincipalScoped',
      'SnsTopicCustomerManagedKey',
      'SnsTopicSslPublishOnly',
    ]);
    expect(names(notOptedIn)).toEqual(names(byDefault));
  });

  test('the overlapping rules fire only when opted in', () => {
    const optIn = names(all).filter((rule) => !byDefault.has(`${RULE_PREFIX}${rule}`));
    expect(optIn).toEqual([
      'CloudTrailCloudWatchLogs',
      'CloudTrailEncrypted',
      'CloudTrailLogFileValidation',
      'KmsKeyRotation',
      'LogGroupEncrypted',
      'LogGroupRetention',
      'S3BucketEncrypted',
      'S3BucketPublicAccessBlocked',
      'S3BucketSslOnly',
    ]);
  });

  test('a default rule reports the same resources in both sets', () => {
    for (const [rule, ids] of byDefault) expect([...ids].sort()).toEqual([...all.get(rule)!].sort());
  });

  test('the README rule table lists every rule once, in the set the pack runs it in', () => {
    const rows = readmeRows();
    expect(rows.map((r) => r.id).sort()).toEqual([...all.keys()].sort());
    const inSet = (set: string) => rows.filter((r) => r.set === set).map((r) => r.id).sort();
    expect(inSet('default')).toEqual([...byDefault.keys()].sort());
    expect(inSet('opt-in')).toEqual([...all.keys()].filter((id) => !byDefault.has(id)).sort());
  });

  describe('each overlap the README claims holds on this stack', () => {
    const packs = [
      new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R4Checks(app), new NIST80053R5Checks(app),
      new PCIDSS321Checks(app), new ServerlessChecks(app),
    ];
    const theirs = new Map<string, Set<string>>();
    for (const pack of packs) for (const [rule, ids] of flaggedByRule(pack, stack)) theirs.set(rule, ids);

    test.each(readmeRows().map((r) => [r.id, r] as const))('%s', (_id, row) => {
      const ours = [...all.get(row.id)!];
      // a rule without counterpart in the README is in the default set; one with counterparts and no stricter claim is opt-in
      if (row.overlaps.length === 0 || !row.oursStricter) expect(row.set).toBe(row.overlaps.length === 0 ? 'default' : 'opt-in');
      for (const other of row.overlaps) {
        // the named rule exists in a standard pack and fires here
        expect([other, theirs.has(other)]).toEqual([other, true]);
        if (!row.oursStricter) {
          // the same check (or theirs is stricter): every resource ours flags, theirs flags too
          expect({ other, missed: ours.filter((id) => !theirs.get(other)!.has(id)) }).toEqual({ other, missed: [] });
        }
      }
      if (row.oursStricter) {
        // ours flags a resource that none of the named rules flags
        const onlyOurs = ours.filter((id) => row.overlaps.every((other) => !theirs.get(other)?.has(id)));
        expect(onlyOurs.length).toBeGreaterThan(0);
      }
    });
  });
});
