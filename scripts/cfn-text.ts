/**
 * Renders a CloudFormation value (a literal, or an intrinsic such as Fn::Join / Ref) as readable
 * text, for summaries and pictures of a synthesized template. Not a CloudFormation evaluator:
 * references become `${LogicalId}` / `${AWS::Region}` placeholders.
 */
export function cfnText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(cfnText).join(',');
  const obj = value as Record<string, any>;
  if ('Fn::Join' in obj) {
    const [sep, parts] = obj['Fn::Join'];
    return (parts as unknown[]).map(cfnText).join(sep);
  }
  if ('Ref' in obj) return `\${${obj.Ref}}`;
  if ('Fn::GetAtt' in obj) {
    const att = obj['Fn::GetAtt'];
    return `\${${Array.isArray(att) ? att.join('.') : att}}`;
  }
  if ('Fn::Sub' in obj) return cfnText(Array.isArray(obj['Fn::Sub']) ? obj['Fn::Sub'][0] : obj['Fn::Sub']);
  if ('Fn::ImportValue' in obj) return `\${Import:${cfnText(obj['Fn::ImportValue'])}}`;
  if ('Fn::Select' in obj) return `\${Select:${cfnText(obj['Fn::Select'][1])}}`;
  return JSON.stringify(obj);
}
