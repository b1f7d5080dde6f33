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

/** The ids of the warnings below: `Annotations.of(<stack>).acknowledgeWarning(id)` silences one. */
export const IMPORTED_FUNCTION_NAME_WARNING = 'cdk-platform-monitoring:importedFunctionName';
export const IMPORTED_HTTP_API_ID_WARNING = 'cdk-platform-monitoring:importedHttpApiId';

/**
 * Warns, once per cause, about the monitored resources of other stacks whose name or id is known
 * only at deploy and that this stack (or one of its nested stacks) really imports: CloudFormation
 * exports them from their stack (`Fn::ImportValue` here), and an export in use cannot change, so
 * the other stack can no longer replace, rename or delete them. Checked at synth, once references
 * are resolved: a literal name, or a weak reference (`Fn::GetStackOutput`), imports nothing and
 * warns nothing.
 */
export function warnImportedIdentifiers(scope: Construct, functions: lambda.IFunction[], httpApis: MonitoredHttpApi[]): void {
  const foreignFunctions = functions.map((fn, i) => ({ fn, i }))
    .filter(({ fn }) => isForeign(fn, scope) && Token.isUnresolved(functionNameOf(fn)));
  const foreignApis = httpApis.map((h, i) => ({ h, i }))
    .filter(({ h }) => isForeign(h.api, scope) && Token.isUnresolved(h.api.apiId));
  if (foreignFunctions.length === 0 && foreignApis.length === 0) return;
  // References are resolved (exports and imports created) after aspects and before validation: a
  // validation hook sees what each stack really reads. It reports nothing itself.
  scope.node.addValidation({
    validate: () => {
      const here = Stack.of(scope);
      const readers: Stack[] = [here, ...scope.node.findAll().filter((c): c is Stack => Stack.isStack(c) && c !== here)];
      const imported = (value: string) => readers.some((stack) => JSON.stringify(stack.resolve(value)).includes('"Fn::ImportValue"'));
      const functionsImported = foreignFunctions.filter(({ fn }) => imported(functionNameOf(fn)));
      if (functionsImported.length > 0) {
        Annotations.of(scope).addWarningV2(IMPORTED_FUNCTION_NAME_WARNING,
          `Stack "${here.stackName}" imports the generated names of ${list(functionsImported.map(({ fn, i }) => `lambdaFunctions[${i}] `
          + `(${fn.node.path})`))} (Fn::ImportValue), so their stacks cannot rename, replace or delete them while this one uses them. `
          + 'Give each an explicit functionName (read as a literal, nothing is referenced), or read them without an export: '
          + WEAK_HINT);
      }
      const apisImported = foreignApis.filter(({ h }) => imported(h.api.apiId));
      if (apisImported.length > 0) {
        Annotations.of(scope).addWarningV2(IMPORTED_HTTP_API_ID_WARNING,
          `Stack "${here.stackName}" imports the ids of ${list(apisImported.map(({ h, i }) => `httpApis[${i}] (${h.api.node.path})`))} `
          + '(Fn::ImportValue; HTTP API metrics are per API id, which API Gateway generates at deploy), so their stacks cannot '
          + `replace or delete them while this one uses them. To read them without an export: ${WEAK_HINT} Their stages are never `
          + 'changed from here: for access logs use HttpApiAccessLogDestination in each API\'s own stack.');
      }
      return [];
    },
  });
}

function list(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
