import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { MonitoredHttpApi } from './monitored-resources';
import { functionNameOf, isForeign } from '../private/literal-names';

// AWS docs: "Fn::ImportValue" (CloudFormation Template Reference): a stack output that another
// stack imports cannot be modified or deleted while it is imported.

/** How to read another stack's generated names without an export (a weak reference). */
const WEAK_HINT = 'call CrossStackReferences.of(<this stack>).consume(ReferenceStrength.WEAK) right after creating this stack '
  + '(Fn::GetStackOutput instead of Fn::ImportValue: the other stack stays free, and this one follows a replaced resource '
  + 'on its next deploy).';

/**
 * Warns about every monitored resource of another stack whose name or id is known only at deploy:
 * reading it makes CloudFormation export it from its stack (`Fn::ImportValue` here), and an export
 * in use cannot change, so the team stack can no longer replace, rename or delete the resource.
 * Resources with literal names are read as literals and never imported (no warning).
 */
export function warnImportedIdentifiers(scope: Construct, functions: lambda.IFunction[], httpApis: MonitoredHttpApi[]): void {
  const here = Stack.of(scope).stackName;
  functions.forEach((fn, i) => {
    if (!isForeign(fn, scope) || !Token.isUnresolved(functionNameOf(fn))) return;
    Annotations.of(scope).addWarningV2('cdk-platform-monitoring:importedFunctionName',
      `lambdaFunctions[${i}] (${fn.node.path}) has a generated name, so stack "${here}" imports it from stack `
      + `"${Stack.of(fn).stackName}" (Fn::ImportValue), and that stack cannot rename, replace or delete the function while `
      + 'this one uses it. The least-locking option is an explicit functionName on the function (its literal is read and '
      + `nothing is referenced). Otherwise read it without an export: ${WEAK_HINT}`);
  });
  httpApis.forEach((h, i) => {
    if (!isForeign(h.api, scope) || !Token.isUnresolved(h.api.apiId)) return;
    Annotations.of(scope).addWarningV2('cdk-platform-monitoring:importedHttpApiId',
      `httpApis[${i}] (${h.api.node.path}): HTTP API metrics are per API id, which API Gateway generates at deploy, so stack `
      + `"${here}" imports it from stack "${Stack.of(h.api).stackName}" (Fn::ImportValue), and that stack cannot replace or `
      + `delete the API while this one uses it. To read it without an export: ${WEAK_HINT} `
      + 'Its stage is never changed from here: for access logs use HttpApiAccessLogDestination in the API\'s own stack.');
  });
}
