/**
 * Resolves the names a reader wants to see in a synthesized cloud assembly: an alarm's `Arn`
 * becomes `arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:<AlarmName>`,
 * a `Ref` to a log group / function / alarm becomes its name when the template sets it, and nested
 * stack outputs and parameters are followed into the nested / parent template. Whatever is only
 * known at deploy time stays a `${LogicalId}` / `${AWS::Region}` placeholder, as in cfn-text.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cfnText } from './cfn-text';

/** The property whose value `Ref` returns, for resources whose `Ref` is their name. */
const NAME_PROPERTY: { [type: string]: string } = {
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::CloudWatch::CompositeAlarm': 'AlarmName',
  'AWS::CloudWatch::Dashboard': 'DashboardName',
};

/** The templates of one cloud assembly directory, keyed by file name. */
export class AssemblyNames {
  /** Reads every `*.template.json` directly in `dir`. */
  static fromDirectory(dir: string): AssemblyNames {
    const files: { [fileName: string]: any } = {};
    for (const entry of fs.readdirSync(dir)) {
      if (entry.endsWith('.template.json')) files[entry] = JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8'));
    }
    return new AssemblyNames(files);
  }

  private readonly templates = new Map<string, any>();

  constructor(files: { [fileName: string]: any }) {
    for (const [name, template] of Object.entries(files)) this.templates.set(name, template);
  }

  /** `value` (a literal or an intrinsic) of template `file` as text, names resolved where known. */
  text(value: unknown, file: string): string {
    if (value === null || value === undefined) return '';
    if (typeof value !== 'object') return String(value);
    if (Array.isArray(value)) return value.map(v => this.text(v, file)).join(',');
    const obj = value as Record<string, any>;
    if (Array.isArray(obj['Fn::Join'])) {
      const [sep, parts] = obj['Fn::Join'];
      return (parts as unknown[]).map(p => this.text(p, file)).join(sep);
    }
    if (typeof obj.Ref === 'string') return this.ref(obj.Ref, file) ?? cfnText(obj);
    if (Array.isArray(obj['Fn::GetAtt'])) return this.getAtt(obj['Fn::GetAtt'][0], obj['Fn::GetAtt'][1], file) ?? cfnText(obj);
    return cfnText(obj);
  }

  private ref(id: string, file: string): string | undefined {
    const template = this.templates.get(file);
    const resource = template?.Resources?.[id];
    if (resource) {
      const prop = NAME_PROPERTY[resource.Type];
      const name = prop ? resource.Properties?.[prop] : undefined;
      return name === undefined ? undefined : this.text(name, file);
    }
    if (template?.Parameters?.[id]) {
      // A nested stack's parameter: the value its parent passes.
      const parent = this.parentOf(file);
      const passed = parent?.resource.Properties?.Parameters?.[id];
      return passed === undefined ? undefined : this.text(passed, parent!.file);
    }
    return undefined;
  }

  private getAtt(id: string, attribute: string, file: string): string | undefined {
    const resource = this.templates.get(file)?.Resources?.[id];
    if (!resource) return undefined;
    if (attribute === 'Arn' && NAME_PROPERTY[resource.Type] === 'AlarmName' && resource.Properties?.AlarmName !== undefined) {
      return `arn:\${AWS::Partition}:cloudwatch:\${AWS::Region}:\${AWS::AccountId}:alarm:${this.text(resource.Properties.AlarmName, file)}`;
    }
    const nestedFile = resource.Metadata?.['aws:asset:path'];
    if (resource.Type === 'AWS::CloudFormation::Stack' && typeof nestedFile === 'string' && attribute.startsWith('Outputs.')) {
      const output = this.templates.get(nestedFile)?.Outputs?.[attribute.slice('Outputs.'.length)];
      return output === undefined ? undefined : this.text(output.Value, nestedFile);
    }
    return undefined;
  }

  private parentOf(file: string): { file: string; resource: any } | undefined {
    for (const [parentFile, template] of this.templates) {
      for (const resource of Object.values<any>(template.Resources ?? {})) {
        if (resource.Type === 'AWS::CloudFormation::Stack' && resource.Metadata?.['aws:asset:path'] === file) {
          return { file: parentFile, resource };
        }
      }
    }
    return undefined;
  }
}
