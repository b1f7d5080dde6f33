import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../src';
import { ecommerceMlComponents } from './ml-fixtures';
import { PlatformMonitoringChecks, PlatformMonitoringChecksProps } from '../src/nag/platform-monitoring-checks';

/*
 * The one fixture module of the test suite: apps and stacks with our recommended flags, the
 * canonical platforms (default, every option, three stacks), the templates of a synthesized
 * assembly (nested included), the cdk-nag packs and findings, and the growth check.
 *
 * How a test makes a stack:
 *   const { app, stack } = newStack();                     // App with RECOMMENDED_CONTEXT, stack in 123456789012/eu-west-1
 *   new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, projectName: 'shop', recipients: { emails: ['ops@example.com'] } });
 *   const template = Template.fromStack(stack);
 * or a canonical platform: defaultPlatform(), allOptionsPlatform(extra), threeStackApp().
 * An App of your own: newApp(). aws-cdk-lib's CloudFormation validation at synth is off in every
 * suite (test/setup.ts); test/cfn-validation.test.ts validates every template of the canonical
 * assemblies: add one there if it needs validating.
 */

/** An app with the recommended flags (`RECOMMENDED_CONTEXT`), and optionally more context. */
export function newApp(context: { [key: string]: any } = {}): App {
  return new App({ context: { ...RECOMMENDED_CONTEXT, ...context } });
}


/** Feature flags our docs tell users to set; tests run with them too. */
export const RECOMMENDED_CONTEXT = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/** An app with the recommended flags and a stack with a concrete environment. */
export function newStack(env: { account?: string; region?: string } = { account: '123456789012', region: 'eu-west-1' }): { app: App; stack: Stack } {
  const app = newApp();
  const stack = new Stack(app, 'TestStack', { env });
  return { app, stack };
}

/**
 * The four standard cdk-nag packs, plus ours (`PlatformMonitoringChecks`) with **every** rule
 * (`includeOverlappingRules`): the library itself must be clean under all of its own rules, not
 * only under the default set a user runs next to the standard packs.
 */
export function standardPacks(app: IConstruct) {
  return [
    new AwsSolutionsChecks(app), new HIPAASecurityChecks(app), new NIST80053R5Checks(app), new PCIDSS321Checks(app),
    new PlatformMonitoringChecks(app, { includeOverlappingRules: true }),
  ];
}

/**
 * Every unacknowledged finding of the five packs under `scope`, as `ruleName: resource path` lines
 * (so a failing test prints what to fix).
 */
export function nagFindings(app: IConstruct, scope: IConstruct): string[] {
  const lines: string[] = [];
  for (const pack of standardPacks(app)) {
    for (const v of pack.validateScope(scope).violations) {
      for (const r of v.violatingResources) {
        lines.push(`${v.ruleName}: ${r.constructPath ?? r.resourceLogicalId}`);
      }
    }
  }
  return lines;
}

/** Registers the five packs on the app (so `app.synth()` throws on any finding). */
export function addStandardPacks(app: App): void {
  Validations.of(app).addPlugins(...standardPacks(app));
}

/** The prefix cdk-nag puts before our rule names. */
export const RULE_PREFIX = 'PlatformMonitoring-';

/**
 * Every finding of our pack under `scope` as sorted `<ruleName> <logicalId>` lines. cdk-nag 3
 * reports construct paths; we map them back to logical ids so tests name template resources.
 * Runs every rule unless `props` says otherwise (rule tests cover the opt-in rules too).
 */
export function packFindings(
  app: App, scope: IConstruct, props: PlatformMonitoringChecksProps = { includeOverlappingRules: true }): string[] {
  const logicalIds = new Map<string, string>();
  for (const c of scope.node.findAll()) {
    if (CfnResource.isCfnResource(c)) logicalIds.set(c.node.path, Stack.of(c).resolve(c.logicalId));
  }
  const lines: string[] = [];
  for (const v of new PlatformMonitoringChecks(app, props).validateScope(scope).violations) {
    for (const r of v.violatingResources) {
      lines.push(`${v.ruleName} ${logicalIds.get(r.constructPath ?? '') ?? r.constructPath}`);
    }
  }
  return lines.sort();
}

/** The logical ids one rule (given without the pack prefix) flags under `scope`, all rules on. */
export function flaggedBy(app: App, scope: IConstruct, rule: string): string[] {
  const id = `${RULE_PREFIX}${rule}`;
  return packFindings(app, scope)
    .filter((line) => line.startsWith(`${id} `))
    .map((line) => line.slice(id.length + 1));
}

/** The logical id of a construct's default child (an L2's `Resource`) or of an L1 itself. */
export function logicalId(construct: IConstruct): string {
  const resource = (CfnResource.isCfnResource(construct) ? construct : construct.node.defaultChild) as CfnResource;
  return Stack.of(resource).resolve(resource.logicalId);
}

/** One synthesized CloudFormation template of the assembly (a stack or a nested stack). */
export interface AssemblyTemplate {
  /** The stack's name, or the nested template's file name. */
  readonly name: string;
  readonly nested: boolean;
  readonly resources: { [logicalId: string]: { Type: string; Properties?: any } };
  readonly outputs: { [name: string]: { Value: any } };
}

/** Every template of the synthesized app: the stacks and the nested stacks' templates in the assembly directory. */
export function assemblyTemplates(app: App): AssemblyTemplate[] {
  const asm = app.synth();
  const out: AssemblyTemplate[] = asm.stacks.map((s) => ({
    name: s.stackName, nested: false, resources: s.template.Resources ?? {}, outputs: s.template.Outputs ?? {},
  }));
  for (const file of fs.readdirSync(asm.directory).filter((f) => f.endsWith('.nested.template.json')).sort()) {
    const template = JSON.parse(fs.readFileSync(path.join(asm.directory, file), 'utf8'));
    out.push({ name: file, nested: true, resources: template.Resources ?? {}, outputs: template.Outputs ?? {} });
  }
  return out;
}

/** Every alarm (metric and composite) of the templates, with the template it lives in. */
export function alarmsOf(templates: AssemblyTemplate[]): Array<{ template: string; logicalId: string; type: string; props: any }> {
  return templates.flatMap((t) => Object.entries(t.resources)
    .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm')
    .map(([id, r]) => ({ template: t.name, logicalId: id, type: r.Type, props: r.Properties ?? {} })));
}

/** The default platform: only the required props (a project name, and a recipient for the alarms). */
export function defaultPlatform(): { app: App; stack: Stack; monitoring: PlatformMonitoring } {
  const { app, stack } = newStack();
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', { recipients: { emails: ['ops@example.com'] }, environment: DeploymentEnvironment.PROD, projectName: 'shop' });
  return { app, stack, monitoring };
}

/**
 * Every kind of alarm the construct makes: DMS, 12 functions (two Lambda groups in nested stacks),
 * REST API, REST stage and HTTP API, Batch and Glue, CIS, ML, platform health.
 */
export function allOptionsPlatform(
  extra: Partial<PlatformMonitoringProps> | ((stack: Stack) => Partial<PlatformMonitoringProps>) = {},
): { app: App; stack: Stack; monitoring: PlatformMonitoring } {
  const { app, stack } = newStack();
  const fns = Array.from({ length: 12 }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `shop-fn-${i}`));
  const api = new apigateway.RestApi(stack, 'Api', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const more = typeof extra === 'function' ? extra(stack) : extra;
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    lambdaFunctions: fns,
    restApis: [api],
    restApiStages: [{ apiName: 'legacy-api', stageName: 'prod' }],
    httpApis: [{ api: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Http', { httpApiId: 'abc123' }), displayName: 'edge' }],
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKRESOURCEID' }],
    batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:job-queue/etl'],
    glueCrawlerNames: ['raw-crawler'],
    glueJobNames: ['curate'],
    ...more,
    // The fixture's recipient stays beside the severity recipients and channels a test adds.
    recipients: { emails: ['ops@example.com'], ...more.recipients },
    mlComponents: ecommerceMlComponents(),
    alarms: {
      securityAlarms: { enabled: true },
      mlAlarms: [{
        componentId: 'market-intelligence',
        metricName: 'ForecastAccuracy',
        threshold: 80,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        period: Duration.minutes(5),
      }],
      ...more.alarms,
    },
  });
  return { app, stack, monitoring };
}

/** How the team stacks name their resources. */
export interface TeamNaming {
  /** Give every function an explicit `functionName` (otherwise CloudFormation generates it). */
  readonly literalFunctionNames: boolean;
}

/**
 * The app of issue 11 item 5, written as a new user would: three functions in one team stack, a
 * REST API in a second (and an HTTP API), `PlatformMonitoring` with defaults in a third.
 */
export function threeStackApp(naming: TeamNaming = { literalFunctionNames: true }, extra: Partial<PlatformMonitoringProps> = {},
  configurePlatformStack?: (stack: Stack) => void) {
  const app = newApp();
  const env = { account: '123456789012', region: 'eu-west-1' };
  const functionsStack = new Stack(app, 'Functions', { env });
  const fns = ['orders', 'payments', 'search'].map((name) => new lambda.Function(functionsStack, name, {
    functionName: naming.literalFunctionNames ? `shop-${name}` : undefined,
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  }));
  const apisStack = new Stack(app, 'Apis', { env });
  const api = new apigateway.RestApi(apisStack, 'ShopApi', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const httpApi = new apigatewayv2.HttpApi(apisStack, 'ShopHttpApi', { apiName: 'shop-http' });
  const platformStack = new Stack(app, 'Platform', { env });
  configurePlatformStack?.(platformStack);
  const monitoring = new PlatformMonitoring(platformStack, 'Monitoring', {
    environment: DeploymentEnvironment.PROD,
    recipients: { emails: ['ops@example.com'] },
    projectName: 'shop',
    lambdaFunctions: fns,
    restApis: [api],
    httpApis: [{ api: httpApi, displayName: 'shop-http' }],
    ...extra,
  });
  return { app, functionsStack, apisStack, platformStack, fns, api, httpApi, monitoring };
}

/** Every `Fn::ImportValue` in a template, as the export names it reads. */
export function importsOf(template: object): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Fn::ImportValue') found.push(JSON.stringify(value));
      else walk(value);
    }
  };
  walk(template);
  return found;
}

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
