import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnOutput, CfnResource, NestedStack, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PlatformMonitoring } from '../../src';
import { DeploymentEnvironment } from '../../src/core/environment';
import { TEMPLATE_QUOTAS, TemplateQuotasPlugin } from '../../src/limits/template-quotas';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

// CloudFormation rejects at deploy a template over 1,000,000 bytes, or with more than 200 outputs or
// 200 parameters (AWS CloudFormation User Guide, "Understand CloudFormation quotas"); aws-cdk-lib
// only warns about the size and counts neither. The platform's plugin fails the synth instead.

const ENV = { account: '123456789012', region: 'eu-west-1' };

function platformStack(app: App, id = 'Platform', projectName = 'shop'): Stack {
  const stack = new Stack(app, id, { env: ENV });
  new PlatformMonitoring(stack, 'Monitoring', { recipients: { emails: ['ops@example.com'] }, environment: DeploymentEnvironment.PROD, projectName });
  return stack;
}

/** A resource of the user's own that adds `bytes` characters to its stack's template. */
function filler(stack: Stack, bytes: number): void {
  new CfnResource(stack, 'Filler', { type: 'AWS::CloudFormation::WaitConditionHandle' }).addMetadata('Filler', 'x'.repeat(bytes));
}

function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return String((e as Error).message);
  }
  throw new Error('synth succeeded');
}

test('a platform stack over 1,000,000 bytes fails the synth, naming the stack, its size and a fix', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  filler(platformStack(app), TEMPLATE_QUOTAS.templateBytes);
  const message = synthError(app);
  expect(message).toMatch(/PlatformMonitoring-TemplateSize/);
  expect(message).toMatch(/The template of stack 'Platform' is 1,\d\d\d,\d\d\d bytes; CloudFormation accepts at most 1,000,000, so the deploy would fail/);
  expect(message).toMatch(/suppressTemplateIndentation: true/);
  expect(message).toMatch(/firstPartMaxMetrics/);
});

test('just under 1,000,000 bytes passes', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = platformStack(app);
  // The platform's own template with an empty filler, then a filler that brings the whole to 1,000,000 bytes exactly.
  const probeApp = new App({ context: RECOMMENDED_CONTEXT });
  filler(platformStack(probeApp), 0);
  const base = fs.statSync(probeApp.synth().getStackByName('Platform').templateFullPath).size;
  filler(stack, TEMPLATE_QUOTAS.templateBytes - base);
  const assembly = app.synth();
  const bytes = fs.statSync(assembly.getStackByName(stack.stackName).templateFullPath).size;
  expect(bytes).toBe(TEMPLATE_QUOTAS.templateBytes);
});

test('a nested stack below the platform stack with more than 200 outputs fails the synth', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const nested = new NestedStack(platformStack(app), 'Team');
  for (let i = 0; i < 201; i++) new CfnOutput(nested, `Out${i}`, { value: `v${i}` });
  expect(synthError(app)).toMatch(
    /nested stack 'Platform\/Team' has 201 outputs; CloudFormation accepts at most 200, so the deploy would fail[\s\S]*PlatformMonitoring-NestedTemplateOutputs/);
});

test('200 outputs in a nested stack pass', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const nested = new NestedStack(platformStack(app), 'Team');
  for (let i = 0; i < 200; i++) new CfnOutput(nested, `Out${i}`, { value: `v${i}` });
  expect(() => app.synth()).not.toThrow();
});

test('a nested stack below the platform stack with more than 200 parameters fails the synth', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = platformStack(app);
  const nested = new NestedStack(stack, 'Team');
  for (let i = 0; i < 201; i++) {
    const source = new CfnResource(stack, `Source${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
    new CfnResource(nested, `Reader${i}`, { type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: source.ref } });
  }
  expect(synthError(app)).toMatch(/nested stack 'Platform\/Team' has 201 parameters; CloudFormation accepts at most 200[\s\S]*PlatformMonitoring-NestedTemplateParameters/);
});

test('stacks without the platform are not checked', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  platformStack(app);
  const nested = new NestedStack(new Stack(app, 'Other', { env: ENV }), 'Team');
  for (let i = 0; i < 201; i++) new CfnOutput(nested, `Out${i}`, { value: `v${i}` });
  expect(() => app.synth()).not.toThrow();
});

test('one plugin per stage, however many platform constructs: each stack is reported once', () => {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  // Two projects: one project twice in one account and Region would fail the app-wide name check first.
  filler(platformStack(app, 'A', 'shop'), TEMPLATE_QUOTAS.templateBytes);
  filler(platformStack(app, 'B', 'books'), TEMPLATE_QUOTAS.templateBytes);
  const message = synthError(app);
  expect(message.match(/The template of stack 'A' is/g)).toHaveLength(1);
  expect(message.match(/The template of stack 'B' is/g)).toHaveLength(1);
});

test('the plugin checks the stacks it watches by construct path, not by prefix', () => {
  const plugin = new TemplateQuotasPlugin();
  const app = new App();
  plugin.watch(new Stack(app, 'Plat'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotas-'));
  const big = `${dir}/big.json`;
  fs.writeFileSync(big, JSON.stringify({ Resources: {}, Metadata: { x: 'x'.repeat(TEMPLATE_QUOTAS.templateBytes) } }));
  const report = plugin.validate({
    templatePaths: [big, big],
    stackTemplates: ['Plat', 'Platform'].map((stackConstructPath) => ({ stackConstructPath, templatePath: big, accountId: undefined, region: undefined })),
    appConstruct: app,
  });
  expect(report.success).toBe(false);
  expect(report.violations.map((v) => v.violatingResources[0].constructPath)).toEqual(['Plat']);
  expect(Token.isUnresolved(report.violations[0].description)).toBe(false);
});

test('functions with generated names in the platform stack: a dashboard part reads one parameter per function, the log groups none', () => {
  // 150 functions with their roles (300 resources) and the platform in one stack, as far as the
  // 500-resource limit lets a stack of functions go. A log group named through its nested stack
  // would add a shard output and a parameter per function to the dashboard part that queries it:
  // 200 parameters at 150 functions, over CloudFormation's limit a few functions later.
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const stack = new Stack(app, 'Same', { env: ENV });
  const functions = Array.from({ length: 150 }, (_, i) => new lambda.Function(stack, `Fn${i}`, {
    runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;'),
  }));
  new PlatformMonitoring(stack, 'Monitoring', { environment: DeploymentEnvironment.PROD, recipients: { emails: ['ops@example.com'] }, projectName: 'same', lambdaFunctions: functions });
  const assembly = app.synth();
  const dir = path.dirname(assembly.getStackByName('Same').templateFullPath);
  const nested = fs.readdirSync(dir).filter((f) => f.endsWith('.nested.template.json'))
    .map((f) => ({ file: f, template: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
  const count = (t: { Parameters?: object; Outputs?: object }, key: 'Parameters' | 'Outputs') => Object.keys(t[key] ?? {}).length;
  const part = nested.find((n) => n.file.includes('ApiPerformanceDashboardPart2'))!;
  const parameters = Object.keys(part.template.Parameters);
  expect(parameters.length).toBeLessThanOrEqual(150);
  expect(parameters.filter((p) => /LoggingLambdaShard/.test(p))).toEqual([]);
  const shards = nested.filter((n) => n.file.includes('LoggingLambdaShard'));
  expect(shards.length).toBeGreaterThan(0);
  for (const shard of shards) expect(count(shard.template, 'Outputs')).toBe(0);
  for (const n of nested) {
    expect(count(n.template, 'Parameters')).toBeLessThanOrEqual(200);
    expect(count(n.template, 'Outputs')).toBeLessThanOrEqual(200);
  }
});
