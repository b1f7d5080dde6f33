import { CfnResource, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { asList, logicalIdOf, referencedLogicalId, render, resolve } from './intrinsics';

/**
 * Finds resources related to a node inside the node's stack (policies that name a topic or bucket,
 * the topics an alarm notifies, the key a topic uses). Only same-stack relations are visible at
 * synth: anything else is an opaque token, and the rules treat it as outside their reach.
 */

type Ctor<T> = abstract new (...args: any[]) => T;

/** Every L1 resource of a given class in the node's stack (nested stacks are separate stacks). */
export function resourcesInStack<T extends IConstruct>(node: CfnResource, type: Ctor<T>): T[] {
  const stack = Stack.of(node);
  return stack.node.findAll().filter((c): c is T => c instanceof type && Stack.of(c) === stack);
}

/** Whether a resolved reference (`Ref`, `GetAtt`, or a literal name/ARN) denotes `target`. */
function refersTo(resolved: unknown, targetLogicalId: string, literalName: unknown): boolean {
  if (referencedLogicalId(resolved) === targetLogicalId) return true;
  if (typeof literalName !== 'string' || literalName === '') return false;
  const text = render(resolved);
  return text === literalName || text.endsWith(`:${literalName}`);
}

/** The topic policies whose `Topics` include `topic`. */
export function topicPoliciesFor(topic: sns.CfnTopic): sns.CfnTopicPolicy[] {
  const id = logicalIdOf(topic);
  const name = resolve(topic, topic.topicName);
  return resourcesInStack(topic, sns.CfnTopicPolicy)
    .filter((policy) => asList(resolve(policy, policy.topics)).some((t) => refersTo(t, id, name)));
}

/** The bucket policies attached to `bucket`. */
export function bucketPoliciesFor(bucket: s3.CfnBucket): s3.CfnBucketPolicy[] {
  const id = logicalIdOf(bucket);
  const name = resolve(bucket, bucket.bucketName);
  return resourcesInStack(bucket, s3.CfnBucketPolicy)
    .filter((policy) => refersTo(resolve(policy, policy.bucket), id, name));
}

/** The topics of this stack an alarm's AlarmActions, OKActions or InsufficientDataActions point at. */
export function topicsNotifiedBy(alarm: CfnResource, actions: unknown[]): sns.CfnTopic[] {
  const targets = actions.flatMap((a) => asList(resolve(alarm, a)));
  return resourcesInStack(alarm, sns.CfnTopic).filter((topic) => {
    const id = logicalIdOf(topic);
    const name = resolve(topic, topic.topicName);
    return targets.some((t) => refersTo(t, id, name));
  });
}

/**
 * The key of this stack a topic is encrypted with: `KmsMasterKeyId` as a `Ref`/`GetAtt` of an
 * `AWS::KMS::Key`, or of an `AWS::KMS::Alias` (or that alias's name / ARN) targeting one.
 */
export function keyOfTopic(topic: sns.CfnTopic): kms.CfnKey | undefined {
  const resolved = resolve(topic, topic.kmsMasterKeyId);
  if (resolved === undefined) return undefined;
  const keys = resourcesInStack(topic, kms.CfnKey);
  const keyRefs = (value: unknown) => keys.find((k) => referencedLogicalId(value) === logicalIdOf(k));
  const direct = keyRefs(resolved);
  if (direct) return direct;
  const text = render(resolved);
  for (const alias of resourcesInStack(topic, kms.CfnAlias)) {
    const aliasName = resolve(alias, alias.aliasName);
    const isThisAlias = referencedLogicalId(resolved) === logicalIdOf(alias)
      || (typeof aliasName === 'string' && (text === aliasName || text.endsWith(`:${aliasName}`)));
    if (isThisAlias) return keyRefs(resolve(alias, alias.targetKeyId));
  }
  return undefined;
}
