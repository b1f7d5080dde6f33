import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation, Stack, Stage, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { checkResourceSizes, checkStackOperation, CheckedTemplate, SHARED_QUOTA_RULES } from './shared-quotas';

/**
 * CloudFormation quotas a template must respect to deploy (AWS CloudFormation User Guide,
 * "Understand CloudFormation quotas", cloudformation-limits.html): template body size in an Amazon
 * S3 object 1 MB (aws-cdk-lib's own figure is 1,000,000 bytes, `TEMPLATE_BODY_MAXIMUM_SIZE` in
 * core/lib/stack.js), 200 outputs and 200 parameters per template.
 *
 * What aws-cdk-lib 2.270 already checks at synth: 500 resources in every stack, nested or not (an
 * error); and, in the templates of top-level stacks only, outputs and parameters (its CloudFormation
 * Validate rules, e.g. F0004 "Template has 201 outputs, maximum is 200"). It only *warns* about the
 * size, and never sees the templates of nested stacks: they are assets of their parent, not stacks
 * of the cloud assembly, so no validation plugin is given them. Those are the gaps checked here.
 */
export const TEMPLATE_QUOTAS = {
  templateBytes: 1_000_000,
  outputs: 200,
  parameters: 200,
} as const;

/** The rule names of the report, one per quota. */
export const TEMPLATE_QUOTA_RULES = {
  templateBytes: 'PlatformMonitoring-TemplateSize',
  outputs: 'PlatformMonitoring-NestedTemplateOutputs',
  parameters: 'PlatformMonitoring-NestedTemplateParameters',
} as const;

/** The template sections counted in nested templates, with the advice for each. */
const COUNTED_SECTIONS = [
  { key: 'Outputs', quota: 'outputs', fix: 'Each value its parent or a sibling reads from it becomes an output: reference fewer of its values, or split it.' },
  { key: 'Parameters', quota: 'parameters', fix: 'Each value it reads from its parent or a sibling becomes a parameter: pass it fewer values, or split it.' },
] as const;

const SIZE_FIX = 'Set suppressTemplateIndentation: true on the stack (about a fifth smaller), lower dashboards.firstPartMaxMetrics '
  + '(the first part of each dashboard shares the stack with the alarms), or move resources of your own to another stack.';

/**
 * Checks, after synthesis, the templates of the stacks that hold the platform's constructs, and of
 * every nested stack below them, against `TEMPLATE_QUOTAS`, so that a template CloudFormation would
 * reject fails `cdk synth` with the stack, the figure and a fix, instead of failing at deploy.
 */
export class TemplateQuotasPlugin implements IPolicyValidationPlugin {
  public readonly name = 'cdk-platform-monitoring template quotas';
  public readonly ruleIds = [...Object.values(TEMPLATE_QUOTA_RULES), ...Object.values(SHARED_QUOTA_RULES)];
  private readonly stackPaths = new Set<string>();

  /** Checks `stack` and the nested stacks below it. */
  public watch(stack: Stack): void {
    this.stackPaths.add(stack.node.path);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations: PolicyViolation[] = [];
    const add = (ruleName: string, description: string, fix: string, stackPath: string, templatePath: string, location: string) => {
      violations.push({ ruleName, description, fix, severity: 'error', violatingResources: [{ constructPath: stackPath, templatePath, locations: [location] }] });
    };
    const checkSize = (stackPath: string, templatePath: string) => {
      const bytes = fs.statSync(templatePath).size;
      if (bytes > TEMPLATE_QUOTAS.templateBytes) {
        add(TEMPLATE_QUOTA_RULES.templateBytes,
          `The template of stack '${stackPath}' is ${bytes.toLocaleString('en-US')} bytes; CloudFormation accepts at most `
          + `${TEMPLATE_QUOTAS.templateBytes.toLocaleString('en-US')}, so the deploy would fail.`, SIZE_FIX, stackPath, templatePath, 'Template');
      }
    };
    // Resources per stack operation (a top-level stack and every nested stack below it), and the
    // sizes of values inside resources (shared-quotas.ts).
    const operations = new Map<string, { resources: number; nested: number }>();
    const checkContent = (stackPath: string, templatePath: string, operation: string): CheckedTemplate => {
      const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as CheckedTemplate;
      const counted = operations.get(operation) ?? { resources: 0, nested: -1 };
      operations.set(operation, { resources: counted.resources + Object.keys(template.Resources ?? {}).length, nested: counted.nested + 1 });
      for (const f of checkResourceSizes(template, stackPath)) {
        add(SHARED_QUOTA_RULES[f.quota], f.description, f.fix, stackPath, templatePath, `Resources/${f.logicalId}`);
      }
      return template;
    };
    const templates = new Map(context.stackTemplates.map((t) => [t.stackConstructPath, t.templatePath]));
    for (const [stackPath, templatePath] of templates) {
      if (!this.watches(stackPath)) continue;
      checkSize(stackPath, templatePath);
      checkContent(stackPath, templatePath, stackPath);
    }
    for (const nested of nestedStacks(context.appConstruct)) {
      const stackPath = nested.node.path;
      const parentTemplate = templates.get(topLevelStackOf(nested).node.path);
      if (!this.watches(stackPath) || !parentTemplate) continue;
      const templatePath = path.join(path.dirname(parentTemplate), nested.templateFile);
      if (!fs.existsSync(templatePath)) continue;
      checkSize(stackPath, templatePath);
      // (Parsed once: the nested templates are most of the bytes at 1,000 functions.)
      const template = checkContent(stackPath, templatePath, topLevelStackOf(nested).node.path) as { Outputs?: object; Parameters?: object };
      for (const section of COUNTED_SECTIONS) {
        const count = Object.keys(template[section.key] ?? {}).length;
        if (count > TEMPLATE_QUOTAS[section.quota]) {
          add(TEMPLATE_QUOTA_RULES[section.quota], `The template of nested stack '${stackPath}' has ${count} ${section.quota}; `
            + `CloudFormation accepts at most ${TEMPLATE_QUOTAS[section.quota]}, so the deploy would fail.`, section.fix, stackPath, templatePath, section.key);
        }
      }
    }
    for (const [stackPath, { resources, nested }] of operations) {
      for (const f of checkStackOperation(stackPath, resources, nested)) {
        add(SHARED_QUOTA_RULES[f.quota], f.description, f.fix, stackPath, templates.get(stackPath)!, f.logicalId);
      }
    }
    return { success: violations.length === 0, violations };
  }

  private watches(stackPath: string): boolean {
    for (const watched of this.stackPaths) {
      if (stackPath === watched || stackPath.startsWith(`${watched}/`)) return true;
    }
    return false;
  }
}

function nestedStacks(root: IConstruct): Stack[] {
  return root.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c.nested);
}

function topLevelStackOf(stack: Stack): Stack {
  let top = stack;
  while (top.nestedStackParent) top = top.nestedStackParent;
  return top;
}

const PLUGINS = new WeakMap<Stage, TemplateQuotasPlugin>();

/**
 * Checks the template quotas of the stack that holds `scope` (and the nested stacks below it) when
 * its stage synthesizes: one plugin per stage, registered the first time.
 */
export function checkTemplateQuotas(scope: IConstruct): void {
  const stage = Stage.of(scope);
  if (!stage) return;
  let plugin = PLUGINS.get(stage);
  if (!plugin) {
    plugin = new TemplateQuotasPlugin();
    PLUGINS.set(stage, plugin);
    Validations.of(stage).addPlugins(plugin);
  }
  plugin.watch(Stack.of(scope));
}
