// Turning CloudFormation values (strings with Fn::Join, Ref, Fn::GetAtt) back into text, so the
// measurements read what CloudFormation will see. Shared by the benchmark and test/scale.

/** A CloudFormation template, as far as the measurements read it. */
export interface Template {
  readonly Resources?: { [logicalId: string]: TemplateResource };
}

/** One resource of a template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { [name: string]: any };
}

/** What a value that cannot be resolved at synth becomes (a plausible 24-character id). */
export const UNRESOLVED = 'UNRESOLVED-TOKEN-XXXXXXX';

/** The account and region of the benchmark stacks (for ARNs and pseudo parameters). */
export interface TemplateEnv {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

/**
 * The text of a CloudFormation value: joins `Fn::Join`, resolves pseudo parameters, alarm ARNs
 * (`Fn::GetAtt [alarm, Arn]` → the ARN of its literal name) and `Ref`s to named log groups; anything
 * else becomes `UNRESOLVED`.
 */
export function textOf(value: unknown, template: Template, env: TemplateEnv): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!value || typeof value !== 'object') return UNRESOLVED;
  const v = value as { [fn: string]: any };
  if (Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'];
    return (parts as unknown[]).map(p => textOf(p, template, env)).join(separator);
  }
  if (typeof v.Ref === 'string') {
    const pseudo: { [name: string]: string } = {
      'AWS::AccountId': env.account, 'AWS::Region': env.region, 'AWS::Partition': env.partition, 'AWS::URLSuffix': 'amazonaws.com',
    };
    if (pseudo[v.Ref]) return pseudo[v.Ref];
    const resource = template.Resources?.[v.Ref];
    const name = resource?.Type === 'AWS::Logs::LogGroup' ? resource.Properties?.LogGroupName : undefined;
    return typeof name === 'string' ? name : UNRESOLVED;
  }
  if (Array.isArray(v['Fn::GetAtt'])) {
    const [id, attribute] = v['Fn::GetAtt'];
    const resource = template.Resources?.[id];
    const name = resource?.Properties?.AlarmName;
    if (attribute === 'Arn' && typeof name === 'string' && /^AWS::CloudWatch::(Composite)?Alarm$/.test(resource!.Type)) {
      return `arn:${env.partition}:cloudwatch:${env.region}:${env.account}:alarm:${name}`;
    }
  }
  return UNRESOLVED;
}

/** The resources of `template` of one type, as [logicalId, properties] pairs. */
export function resourcesOf(template: Template, type: string): Array<[string, { [name: string]: any }]> {
  return Object.entries(template.Resources ?? {})
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}
