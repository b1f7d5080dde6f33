import * as fs from 'fs';
import * as path from 'path';
import { App, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CloudAssembly, UNKNOWN_ACCOUNT, UNKNOWN_REGION } from 'aws-cdk-lib/cx-api';
import { allOptionsPlatform, defaultPlatform, threeStackApp } from './fixtures';

/*
 * The one suite that runs aws-cdk-lib's CloudFormation validation engine
 * (`CloudFormationValidatePlugin`, `@aws/cloudformation-validate`: resource schemas and the default
 * rules); test/setup.ts turns aws-cdk-lib's own run of it at synth off everywhere.
 *
 * At synth aws-cdk-lib validates the templates of the app's stacks and, with
 * `@aws-cdk/core:validateAgainstDefaultRules` (RECOMMENDED_CONTEXT), fails on an error. It never
 * sees the templates of nested stacks (`*.nested.template.json`, where the platform puts its Lambda
 * alarm groups, log groups and dashboard parts). This suite validates every template of each
 * canonical assembly, stacks and nested stacks, with the same engine and the same per-stack
 * account and Region aws-cdk-lib gives it, and fails on any error or warning: at least what a
 * user's synth would fail on. One engine for the file: building one compiles the rules, seconds
 * of CPU (the singleton aws-cdk-lib builds at synth was a second one).
 */

/** The engine; its `validate` keeps no state between calls. */
let plugin: CloudFormationValidatePlugin | undefined;

/** The engine's report on the given templates (each with the account and Region of its stack). */
function validate(app: App, templates: Array<{ path: string; account?: string; region?: string }>): PolicyValidationPluginReport {
  const context: IPolicyValidationContext = {
    appConstruct: app,
    templatePaths: templates.map((t) => t.path),
    stackTemplates: templates.map((t) => ({
      stackConstructPath: path.basename(t.path), templatePath: t.path, accountId: t.account, region: t.region,
    })),
  };
  plugin ??= new CloudFormationValidatePlugin();
  return plugin.validate(context);
}

/**
 * Every template of the assembly: each stack's with its account and Region, and each nested
 * stack's (files of the assembly, not artifacts) with those of the app's stacks where they agree.
 */
function templateFiles(asm: CloudAssembly): Array<{ path: string; account?: string; region?: string; nested: boolean }> {
  const stacks = asm.stacks.map((stack) => ({
    path: stack.templateFullPath,
    account: stack.environment.account !== UNKNOWN_ACCOUNT ? stack.environment.account : undefined,
    region: stack.environment.region !== UNKNOWN_REGION ? stack.environment.region : undefined,
    nested: false,
  }));
  const common = (key: 'account' | 'region') => (new Set(stacks.map((t) => t[key])).size === 1 ? stacks[0][key] : undefined);
  const nested = fs.readdirSync(asm.directory).filter((f) => f.endsWith('.nested.template.json')).sort()
    .map((f) => ({ path: path.join(asm.directory, f), account: common('account'), region: common('region'), nested: true }));
  return [...stacks, ...nested];
}

/** The engine's findings (errors and warnings) for every template of the assembly, as `file logicalId: rule message` lines. */
function templateFindings(app: App, asm = app.synth()): { stacks: number; nested: number; findings: string[] } {
  const templates = templateFiles(asm);
  const report = validate(app, templates);
  const findings = report.violations
    .filter((v) => v.severity === 'error' || v.severity === 'fatal' || v.severity === 'warning')
    .flatMap((v) => v.violatingResources.map((r) => `${path.basename(r.templatePath ?? '')} ${r.resourceLogicalId ?? ''}: ${v.ruleName} ${v.description}`));
  return { stacks: templates.filter((t) => !t.nested).length, nested: templates.filter((t) => t.nested).length, findings };
}

/** The every-option platform, synthesized once for the two tests that read it. */
let allOptions: { app: App; asm: CloudAssembly } | undefined;
function allOptionsAssembly(): { app: App; asm: CloudAssembly } {
  if (!allOptions) {
    const { app } = allOptionsPlatform();
    allOptions = { app, asm: app.synth() };
  }
  return allOptions;
}

describe('CloudFormation validation of every template of the canonical assemblies', () => {
  test('the default platform: its stack and nested templates pass', () => {
    const { app } = defaultPlatform();
    const { stacks, findings } = templateFindings(app);
    expect(stacks).toBe(1);
    expect(findings).toEqual([]);
  });

  test('every option on (12 functions, Lambda groups in nested stacks): stacks and nested templates pass', () => {
    const { app, asm } = allOptionsAssembly();
    const { nested, findings } = templateFindings(app, asm);
    expect(nested).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  test('the three-stack app (functions, APIs, platform): stacks and nested templates pass', () => {
    const { app } = threeStackApp();
    const { stacks, findings } = templateFindings(app);
    expect(stacks).toBe(3);
    expect(findings).toEqual([]);
  });

  test('the engine finds an error in a stack template and in a nested one (this suite can fail)', () => {
    const { app, asm } = allOptionsAssembly();
    const broken = templateFiles(asm).filter((t, i, all) => all.findIndex((o) => o.nested === t.nested) === i).map((t) => {
      const template = JSON.parse(fs.readFileSync(t.path, 'utf8'));
      const alarm = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::CloudWatch::Alarm');
      alarm.Properties.Threshold = 'eighty';
      const file = path.join(asm.directory, `broken-${t.nested ? 'nested' : 'stack'}.template.json`);
      fs.writeFileSync(file, JSON.stringify(template));
      return { ...t, path: file };
    });
    expect(broken.map((t) => t.nested)).toEqual([false, true]);
    const report = validate(app, broken);
    expect(report.success).toBe(false);
    const errors = report.violations.filter((v) => v.severity === 'error');
    expect(new Set(errors.flatMap((v) => v.violatingResources.map((r) => path.basename(r.templatePath ?? ''))))).toEqual(
      new Set(['broken-stack.template.json', 'broken-nested.template.json']));
  });
});
