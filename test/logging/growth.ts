import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/**
 * The property that holds a resource's physical name, per type: a change replaces the resource,
 * and a retained resource with a fixed name cannot be created again while it exists (the deploy
 * fails with "already exists"). Types not listed here have no name of their own.
 */
const PHYSICAL_NAME: Record<string, string> = {
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Logs::MetricFilter': 'FilterName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::CompositeAlarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::CloudTrail::Trail': 'TrailName',
  'AWS::KMS::Alias': 'AliasName',
};

interface Placed { readonly stack: string; readonly type: string; readonly name?: string }

/** Every resource of the app, nested stacks included, by `<stack path> <logical id>`. */
export function resourcesOf(app: App): Map<string, Placed> {
  const out = new Map<string, Placed>();
  for (const stack of app.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    const resources = Template.fromStack(stack).toJSON().Resources ?? {};
    for (const [id, r] of Object.entries<any>(resources)) {
      const nameProp = PHYSICAL_NAME[r.Type];
      const name = nameProp && r.Properties?.[nameProp] !== undefined ? JSON.stringify(r.Properties[nameProp]) : undefined;
      out.set(`${stack.node.path} ${id}`, { stack: stack.node.path, type: r.Type, name });
    }
  }
  return out;
}

/**
 * What growing the app from `before` to `after` does to existing resources, as readable lines
 * (empty when it only adds): a logical id that disappears from its stack (deleted or moved), that
 * changes type, or whose physical name changes; and a physical name that reappears elsewhere.
 */
export function growthChanges(before: App, after: App): string[] {
  const a = resourcesOf(before);
  const b = resourcesOf(after);
  const changes: string[] = [];
  for (const [key, was] of a) {
    const now = b.get(key);
    if (!now) changes.push(`${key} (${was.type}) is gone from its stack`);
    else if (now.type !== was.type) changes.push(`${key} changes type ${was.type} -> ${now.type}`);
    else if (now.name !== was.name) changes.push(`${key} changes name ${was.name} -> ${now.name}`);
  }
  const namesBefore = new Map([...a].filter(([, p]) => p.name).map(([k, p]) => [`${p.type} ${p.name}`, k]));
  for (const [key, now] of b) {
    const was = now.name ? namesBefore.get(`${now.type} ${now.name}`) : undefined;
    if (was !== undefined && was !== key) changes.push(`${now.type} ${now.name} moves ${was} -> ${key}`);
  }
  return changes;
}
