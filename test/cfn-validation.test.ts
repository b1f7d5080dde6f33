import * as fs from 'fs';
import * as path from 'path';
import { App, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { allOptionsPlatform, defaultPlatform, threeStackApp } from './fixtures';

/*
 * The one suite that runs aws-cdk-lib's CloudFormation validation (`@aws/cloudformation-validate`:
 * resource schemas and the default rules); test/setup.ts turns it off everywhere else.
 *
 * aws-cdk-lib validates the templates of the app's stacks at synth, and, with
 * `@aws-cdk/core:validateAgainstDefaultRules` (RECOMMENDED_CONTEXT), fails synth on an error. It
 * never sees the templates of nested stacks (`*.nested.template.json`, where the platform puts its
 * Lambda alarm groups and dashboard parts), so this suite validates those with the same engine.
 */
delete process.env.CDK_VALIDATION;

/**
 * One plugin for every call below: its constructor builds the engine (the default rules compiled),
 * seconds of CPU; `validate` keeps no state between calls.
 */
let plugin: CloudFormationValidatePlugin | undefined;

/** The engine aws-cdk-lib runs at synth (default rules), on the given template files. */
function validateFiles(app: App, files: string[]): PolicyValidationPluginReport {
  const context: IPolicyValidationContext = {
    appConstruct: app,
    templatePaths: files,
    stackTemplates: files.map((f) => ({ stackConstructPath: path.basename(f), templatePath: f, accountId: '123456789012', region: 'eu-west-1' })),
  };
  plugin ??= new CloudFormationValidatePlugin();
  return plugin.validate(context);
}

/**
 * The engine's findings (errors and warnings) for every nested template of the assembly, as
 * `file logicalId: rule message` lines.
 */
function nestedTemplateErrors(app: App, asm = app.synth()): { nested: number; errors: string[] } {
  const files = fs.readdirSync(asm.directory).filter((f) => f.endsWith('.nested.template.json')).sort();
  const report = validateFiles(app, files.map((f) => path.join(asm.directory, f)));
  const errors = report.violations
    .filter((v) => v.severity === 'error' || v.severity === 'fatal' || v.severity === 'warning')
    .flatMap((v) => v.violatingResources.map((r) => `${path.basename(r.templatePath ?? '')} ${r.resourceLogicalId ?? ''}: ${v.ruleName} ${v.description}`));
  return { nested: files.length, errors };
}

/** The every-option platform, synthesized (and its stacks validated) once for the two tests that read it. */
let allOptions: { app: App; asm: CloudAssembly } | undefined;
function allOptionsAssembly(): { app: App; asm: CloudAssembly } {
  if (!allOptions) {
    const { app } = allOptionsPlatform();
    allOptions = { app, asm: app.synth() };
  }
  return allOptions;
}

describe('CloudFormation validation of the canonical assemblies', () => {
  test('validation is on in this suite', () => {
    expect(process.env.CDK_VALIDATION).toBeUndefined();
  });

  test('the default platform: stacks pass at synth, nested templates pass', () => {
    const { app } = defaultPlatform();
    const { errors } = nestedTemplateErrors(app);
    expect(errors).toEqual([]);
  });

  test('every option on (12 functions, Lambda groups in nested stacks): stacks and nested templates pass', () => {
    const { app, asm } = allOptionsAssembly();
    const { nested, errors } = nestedTemplateErrors(app, asm);
    expect(nested).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test('the three-stack app (functions, APIs, platform): stacks and nested templates pass', () => {
    const { app } = threeStackApp();
    const { errors } = nestedTemplateErrors(app);
    expect(errors).toEqual([]);
  });

  test('the engine finds an error in a nested template (this suite can fail)', () => {
    const { app, asm } = allOptionsAssembly();
    const file = fs.readdirSync(asm.directory).find((f) => f.endsWith('.nested.template.json'))!;
    const template = JSON.parse(fs.readFileSync(path.join(asm.directory, file), 'utf8'));
    const alarm = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::CloudWatch::Alarm');
    alarm.Properties.Threshold = 'eighty';
    const broken = path.join(asm.directory, 'broken.template.json');
    fs.writeFileSync(broken, JSON.stringify(template));
    const report = validateFiles(app, [broken]);
    expect(report.success).toBe(false);
    expect(report.violations.map((v) => v.severity)).toContain('error');
  });
});
