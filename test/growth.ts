import { App } from 'aws-cdk-lib';
import { assemblyTemplates } from './alerts/alarm-fixtures';

/**
 * The property holding each resource type's physical name: a change replaces the resource, and a
 * retained resource with a fixed name cannot be created again while it exists (the deploy fails
 * with "already exists"). Types not listed here have no name of their own, or (like a saved query's
 * `Name`, "(1 of 2)" once a query splits at 50 log groups) update it in place: CloudWatch Logs API
 * Reference, PutQueryDefinition ("To update a query definition, specify its queryDefinitionId ...
 * The values of name, queryString, and logGroupNames are changed").
 */
const NAME_PROPERTY: { [type: string]: string } = {
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::CompositeAlarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Logs::MetricFilter': 'FilterName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::Events::Rule': 'Name',
  'AWS::IAM::Role': 'RoleName',
  'AWS::KMS::Alias': 'AliasName',
  'AWS::Lambda::Function': 'FunctionName',
};

/**
 * Top-level `*Name` properties that are not the resource's identity and update in place, so a
 * change is allowed. Every other `*Name` property (e.g. a metric filter's `LogGroupName`, a
 * function's `FunctionName`, a resource policy's `PolicyName`) is checked like a physical name.
 * CloudFormation template reference, "Update requires: No interruption": AWS::CloudWatch::Alarm
 * `MetricName` (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cw-alarm.html),
 * AWS::SNS::Topic `DisplayName`, AWS::CloudTrail::Trail `S3BucketName`; a saved query's `Name`: see above.
 */
const IN_PLACE_NAMES = new Set([
  'AWS::CloudWatch::Alarm MetricName',
  'AWS::Logs::QueryDefinition Name',
  'AWS::SNS::Topic DisplayName',
  'AWS::CloudTrail::Trail S3BucketName',
]);

/** Where a resource is and what it is: what must not change when the platform grows. */
interface ResourceIdentity {
  readonly id: string;
  readonly type: string;
  /** The template (stack or nested-stack file) holding it. */
  readonly template: string;
  /** Its physical name, if its type has one (JSON of the literal or intrinsic). */
  readonly physicalName?: string;
  /** Its other `*Name` properties that a change would replace it for (JSON), by property. */
  readonly otherNames: { [prop: string]: string };
}

/** Every resource of the synthesized app (nested stacks included), by `<template> <logical id>`. */
function resourceIdentities(app: App): Map<string, ResourceIdentity> {
  const out = new Map<string, ResourceIdentity>();
  for (const t of assemblyTemplates(app)) {
    for (const [id, r] of Object.entries(t.resources)) {
      const nameProp = NAME_PROPERTY[r.Type];
      const name = nameProp ? r.Properties?.[nameProp] : undefined;
      const otherNames: { [prop: string]: string } = {};
      for (const [prop, value] of Object.entries(r.Properties ?? {})) {
        if (prop.endsWith('Name') && prop !== nameProp && !IN_PLACE_NAMES.has(`${r.Type} ${prop}`)) otherNames[prop] = JSON.stringify(value);
      }
      out.set(`${t.name} ${id}`, {
        id, type: r.Type, template: t.name, physicalName: name === undefined ? undefined : JSON.stringify(name), otherNames,
      });
    }
  }
  return out;
}

/**
 * What breaks a deploy when the app grows from `before` to `after`, as readable lines (empty when
 * growing only adds): a logical id that disappears from its template (removed, or moved to another
 * stack), changes type or changes physical name; a physical name that another resource takes over;
 * and a physical name held by two resources.
 */
export function growthProblems(before: App, after: App): string[] {
  const a = resourceIdentities(before);
  const b = resourceIdentities(after);
  const problems: string[] = [];
  for (const [key, old] of a) {
    const now = b.get(key);
    if (!now) {
      const elsewhere = [...b.values()].filter((r) => r.id === old.id).map((r) => r.template);
      problems.push(elsewhere.length > 0
        ? `${old.id} moved from ${old.template} to ${elsewhere.join(', ')}`
        : `${old.id} (${old.type}) was removed from ${old.template}`);
    } else if (now.type !== old.type) {
      problems.push(`${old.id} changed type ${old.type} -> ${now.type}`);
    } else if (now.physicalName !== old.physicalName) {
      problems.push(`${old.id} changed name ${old.physicalName} -> ${now.physicalName}`);
    } else {
      for (const prop of new Set([...Object.keys(old.otherNames), ...Object.keys(now.otherNames)])) {
        if (old.otherNames[prop] !== now.otherNames[prop]) problems.push(`${old.id} changed ${prop} ${old.otherNames[prop]} -> ${now.otherNames[prop]}`);
      }
    }
  }
  const nameKey = (r: ResourceIdentity) => `${r.type} ${r.physicalName}`;
  const heldBefore = new Map([...a].filter(([, r]) => r.physicalName).map(([key, r]) => [nameKey(r), key]));
  const holders = new Map<string, string[]>();
  for (const [key, r] of b) {
    if (!r.physicalName) continue;
    const was = heldBefore.get(nameKey(r));
    if (was !== undefined && was !== key) problems.push(`${nameKey(r)} moves from ${was} to ${key}`);
    holders.set(nameKey(r), [...(holders.get(nameKey(r)) ?? []), key]);
  }
  for (const [name, keys] of holders) if (keys.length > 1) problems.push(`${name} is held by ${keys.join(', ')}`);
  return problems;
}
