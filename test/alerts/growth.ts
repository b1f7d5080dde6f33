import { App } from 'aws-cdk-lib';
import { assemblyTemplates } from './alarm-fixtures';

/** The property holding each resource type's physical name (what CloudFormation cannot create twice). */
const NAME_PROPERTY: { [type: string]: string } = {
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::CompositeAlarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Logs::QueryDefinition': 'Name',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::Events::Rule': 'Name',
  'AWS::IAM::Role': 'RoleName',
  'AWS::KMS::Alias': 'AliasName',
};

/** Where a resource is and what it is: what must not change when the platform grows. */
export interface ResourceIdentity {
  readonly type: string;
  /** The template (stack or nested-stack file) holding it. */
  readonly template: string;
  /** Its physical name, if its type has one (JSON of the literal or intrinsic). */
  readonly physicalName?: string;
}

/** Every resource of the synthesized app (nested stacks included), by logical id. */
export function resourceIdentities(app: App): Map<string, ResourceIdentity[]> {
  const out = new Map<string, ResourceIdentity[]>();
  for (const t of assemblyTemplates(app)) {
    for (const [id, r] of Object.entries(t.resources)) {
      const nameProp = NAME_PROPERTY[r.Type];
      const name = nameProp ? r.Properties?.[nameProp] : undefined;
      const identity = { type: r.Type, template: t.name, physicalName: name === undefined ? undefined : JSON.stringify(name) };
      out.set(id, [...(out.get(id) ?? []), identity]);
    }
  }
  return out;
}

/**
 * What breaks a deploy when the platform grows from `before` to `after`: a logical id that changes
 * type, template (stack) or physical name, or disappears; and a physical name held by two resources.
 * Empty when growing only adds.
 */
export function growthProblems(before: App, after: App): string[] {
  const a = resourceIdentities(before);
  const b = resourceIdentities(after);
  const problems: string[] = [];
  for (const [id, olds] of a) {
    const news = b.get(id) ?? [];
    for (const old of olds) {
      const same = news.find((n) => n.template === old.template);
      if (!same) {
        problems.push(news.length ? `${id} moved from ${old.template} to ${news.map((n) => n.template).join(', ')}` : `${id} (${old.type}) was removed`);
      } else if (same.type !== old.type) {
        problems.push(`${id} changed type ${old.type} -> ${same.type}`);
      } else if (same.physicalName !== old.physicalName) {
        problems.push(`${id} changed name ${old.physicalName} -> ${same.physicalName}`);
      }
    }
  }
  const holders = new Map<string, string[]>();
  for (const [id, list] of b) {
    for (const r of list) if (r.physicalName) holders.set(`${r.type} ${r.physicalName}`, [...(holders.get(`${r.type} ${r.physicalName}`) ?? []), id]);
  }
  for (const [name, ids] of holders) if (ids.length > 1) problems.push(`${name} is held by ${ids.join(', ')}`);
  return problems;
}
