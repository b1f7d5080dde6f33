import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as cxapi from 'aws-cdk-lib/cx-api';

/** The account, region and partition every template is resolved for. */
export const ENV = { account: '111111111111', region: 'eu-west-1', partition: 'aws', urlSuffix: 'amazonaws.com' } as const;

/** One resource of one template, with its logical id, type and the template it lives in. */
export interface CfnResource {
  readonly template: CfnTemplate;
  readonly logicalId: string;
  readonly type: string;
  readonly definition: any;
}

/**
 * One synthesized template (a stack or a nested stack) whose intrinsics can be resolved to
 * concrete names and ARNs: Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::If,
 * pseudo parameters, parameters passed by the parent stack and outputs of nested stacks.
 */
export class CfnTemplate {
  public readonly children = new Map<string, CfnTemplate>();

  constructor(
    public readonly stackName: string,
    public readonly json: any,
    /** Resolves this template's parameters (in the parent's context) for a nested stack. */
    private readonly parameterValues: Record<string, unknown> = {},
  ) {}

  public resources(type?: string): CfnResource[] {
    return Object.entries<any>(this.json.Resources ?? {})
      .filter(([, r]) => !type || r.Type === type)
      .map(([logicalId, definition]) => ({ template: this, logicalId, type: definition.Type, definition }));
  }

  /** The resolved properties of a resource. */
  public props(logicalId: string): any {
    return this.resolve(this.json.Resources[logicalId]?.Properties ?? {});
  }

  public resolve(value: unknown): any {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Record<string, any>;
    const keys = Object.keys(obj);
    if (keys.length === 1) {
      const [fn] = keys;
      const arg = obj[fn];
      switch (fn) {
        case 'Ref': return this.ref(arg);
        case 'Fn::GetAtt': return this.getAtt(...(typeof arg === 'string' ? splitOnce(arg) : arg as [string, string]));
        case 'Fn::Join': return (this.resolve(arg[1]) as unknown[]).map(String).join(arg[0]);
        case 'Fn::Select': return this.resolve(arg[1])[Number(this.resolve(arg[0]))];
        case 'Fn::Split': return String(this.resolve(arg[1])).split(arg[0]);
        case 'Fn::Sub': return this.sub(arg);
        case 'Fn::If': return this.condition(arg[0]) ? this.resolve(arg[1]) : this.resolve(arg[2]);
        case 'Fn::ImportValue': case 'Fn::GetAZs': case 'Fn::FindInMap':
          throw new Error(`${fn} is not modelled by the simulation harness (${JSON.stringify(arg)})`);
      }
    }
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(obj)) {
      const r = this.resolve(v);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  private ref(name: string): unknown {
    switch (name) {
      case 'AWS::AccountId': return ENV.account;
      case 'AWS::Region': return ENV.region;
      case 'AWS::Partition': return ENV.partition;
      case 'AWS::URLSuffix': return ENV.urlSuffix;
      case 'AWS::StackName': return this.stackName;
      case 'AWS::StackId': return `arn:aws:cloudformation:${ENV.region}:${ENV.account}:stack/${this.stackName}/00000000`;
      case 'AWS::NotificationARNs': return [];
      case 'AWS::NoValue': return NO_VALUE;
    }
    if (this.json.Parameters?.[name]) {
      if (name in this.parameterValues) return this.parameterValues[name];
      if (this.json.Parameters[name].Default !== undefined) return this.json.Parameters[name].Default;
      throw new Error(`${this.stackName}: no value for parameter ${name}`);
    }
    const r = this.json.Resources?.[name];
    if (!r) throw new Error(`${this.stackName}: Ref to unknown ${name}`);
    return physicalRef(this, name, r);
  }

  private getAtt(logicalId: string, attribute: string): unknown {
    const r = this.json.Resources?.[logicalId];
    if (!r) throw new Error(`${this.stackName}: GetAtt of unknown ${logicalId}`);
    if (r.Type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
      const child = this.children.get(logicalId);
      if (!child) throw new Error(`${this.stackName}: nested stack ${logicalId} not loaded`);
      return child.resolve(child.json.Outputs[attribute.slice('Outputs.'.length)].Value);
    }
    return physicalAttribute(this, logicalId, r, attribute);
  }

  private sub(arg: string | [string, Record<string, unknown>]): string {
    const [text, vars] = typeof arg === 'string' ? [arg, {}] : arg;
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_, name: string) => {
      if (name in vars) return String(this.resolve(vars[name]));
      return String(name.includes('.') && !name.startsWith('AWS::') ? this.getAtt(...splitOnce(name)) : this.ref(name));
    });
  }

  private condition(name: string): boolean {
    const evaluate = (c: any): boolean => {
      if (c.Condition) return evaluate(this.json.Conditions[c.Condition]);
      if (c['Fn::Equals']) return JSON.stringify(this.resolve(c['Fn::Equals'][0])) === JSON.stringify(this.resolve(c['Fn::Equals'][1]));
      if (c['Fn::Not']) return !evaluate(c['Fn::Not'][0]);
      if (c['Fn::And']) return c['Fn::And'].every(evaluate);
      if (c['Fn::Or']) return c['Fn::Or'].some(evaluate);
      throw new Error(`${this.stackName}: condition ${JSON.stringify(c)} is not modelled`);
    };
    return evaluate(this.json.Conditions[name]);
  }
}

/** `AWS::NoValue`: dropped from arrays and objects. */
const NO_VALUE = Symbol('AWS::NoValue');

function splitOnce(s: string): [string, string] {
  const i = s.indexOf('.');
  return [s.slice(0, i), s.slice(i + 1)];
}

/** A stable fake id for a resource CloudFormation would name. */
function generatedName(t: CfnTemplate, logicalId: string): string {
  return `${t.stackName}-${logicalId}-GENERATED`.slice(0, 60);
}

/** What `Ref` returns for each resource type (CloudFormation resource reference, "Return values"). */
function physicalRef(t: CfnTemplate, logicalId: string, r: any): unknown {
  const p = r.Properties ?? {};
  const name = (prop: string) => (p[prop] !== undefined ? t.resolve(p[prop]) : generatedName(t, logicalId));
  const { account, region, partition } = ENV;
  switch (r.Type) {
    case 'AWS::KMS::Key': return `${hash(t.stackName + logicalId)}-0000-4000-8000-000000000000`;
    case 'AWS::S3::Bucket': return String(name('BucketName')).toLowerCase();
    case 'AWS::SNS::Topic': return `arn:${partition}:sns:${region}:${account}:${name('TopicName')}`;
    case 'AWS::Logs::LogGroup': return name('LogGroupName');
    case 'AWS::CloudWatch::Alarm': case 'AWS::CloudWatch::CompositeAlarm': return name('AlarmName');
    case 'AWS::CloudTrail::Trail': return name('TrailName');
    case 'AWS::IAM::Role': return name('RoleName');
    case 'AWS::IAM::ManagedPolicy': return `arn:${partition}:iam::${account}:policy/${name('ManagedPolicyName')}`;
    case 'AWS::Events::Rule': return name('Name');
    default: return generatedName(t, logicalId);
  }
}

/** What `Fn::GetAtt` returns for the attributes the platform's policies use. */
function physicalAttribute(t: CfnTemplate, logicalId: string, r: any, attribute: string): unknown {
  const ref = String(physicalRef(t, logicalId, r));
  const { account, region, partition } = ENV;
  const key = `${r.Type}.${attribute}`;
  switch (key) {
    case 'AWS::KMS::Key.Arn': return `arn:${partition}:kms:${region}:${account}:key/${ref}`;
    case 'AWS::KMS::Key.KeyId': return ref;
    case 'AWS::S3::Bucket.Arn': return `arn:${partition}:s3:::${ref}`;
    case 'AWS::S3::Bucket.DomainName': return `${ref}.s3.${ENV.urlSuffix}`;
    case 'AWS::SNS::Topic.TopicArn': return ref;
    case 'AWS::SNS::Topic.TopicName': return ref.split(':').pop();
    // The log group's Arn attribute ends with `:*` (AWS::Logs::LogGroup return values).
    case 'AWS::Logs::LogGroup.Arn': return `arn:${partition}:logs:${region}:${account}:log-group:${ref}:*`;
    case 'AWS::CloudWatch::Alarm.Arn': case 'AWS::CloudWatch::CompositeAlarm.Arn':
      return `arn:${partition}:cloudwatch:${region}:${account}:alarm:${ref}`;
    case 'AWS::CloudTrail::Trail.Arn': return `arn:${partition}:cloudtrail:${region}:${account}:trail/${ref}`;
    case 'AWS::IAM::Role.Arn': return `arn:${partition}:iam::${account}:role/${ref}`;
    case 'AWS::Events::Rule.Arn': return `arn:${partition}:events:${region}:${account}:rule/${ref}`;
  }
  throw new Error(`${t.stackName}: GetAtt ${logicalId}.${attribute} (${r.Type}) is not modelled`);
}

function hash(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex').slice(0, 8);
}

/**
 * The file of every asset of the assembly, by asset hash: a nested stack's template is a file
 * asset, and its `TemplateURL` ends with `<hash>.json`.
 */
function assetFiles(assembly: cxapi.CloudAssembly): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(assembly.directory).filter((n) => n.endsWith('.assets.json'))) {
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, f), 'utf-8'));
    for (const [assetHash, asset] of Object.entries<any>(manifest.files ?? {})) files.set(assetHash, asset.source.path);
  }
  return files;
}

/**
 * Every template of a cloud assembly: each stack and, recursively, its nested stacks (read from the
 * files the parent's `AWS::CloudFormation::Stack` resources point to).
 */
export function loadAssembly(assembly: cxapi.CloudAssembly): CfnTemplate[] {
  const all: CfnTemplate[] = [];
  const assets = assetFiles(assembly);
  const load = (t: CfnTemplate) => {
    all.push(t);
    for (const stack of t.resources('AWS::CloudFormation::Stack')) {
      const url = String(t.resolve(stack.definition.Properties.TemplateURL));
      const file = stack.definition.Metadata?.['aws:asset:path'] ?? assets.get(/([0-9a-f]{64})\.json$/.exec(url)?.[1] ?? '');
      if (!file) throw new Error(`${t.stackName}: no template file for nested stack ${stack.logicalId} (${url})`);
      const json = JSON.parse(fs.readFileSync(path.join(assembly.directory, file), 'utf-8'));
      const params = stack.definition.Properties?.Parameters ?? {};
      const values: Record<string, unknown> = {};
      const child = new CfnTemplate(`${t.stackName}-${stack.logicalId}-NESTED`, json, new Proxy(values, {
        has: (_, k) => k in params,
        get: (_, k) => t.resolve(params[k as string]),
      }));
      t.children.set(stack.logicalId, child);
      load(child);
    }
  };
  for (const artifact of assembly.stacks) load(new CfnTemplate(artifact.stackName, artifact.template));
  return all;
}

/** All resources of a type in every template. */
export function resourcesOf(templates: CfnTemplate[], type: string): CfnResource[] {
  return templates.flatMap((t) => t.resources(type));
}
