import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';

/** The end of an unqualified Lambda function ARN: `:function:<name>`. */
const FUNCTION_ARN_SUFFIX = /:function:([A-Za-z0-9_-]{1,64})$/;

/**
 * The function's name, as a literal whenever it is known at synth.
 *
 * `lambda.Function.fromFunctionName(scope, id, 'orders')` builds its ARN with the partition token,
 * so `functionName` becomes `Fn::Select(6, Fn::Split(':', <arn>))`: about 200 template bytes at each
 * use (dimensions, SEARCH expressions, log group names). With hundreds of functions that alone
 * pushes a stack past CloudFormation's 1 MB template limit. The name is the literal tail of the
 * ARN, so read it from there. Functions defined in the app keep their `Ref` token.
 */
export function functionNameOf(fn: lambda.IFunction): string {
  const name = fn.functionName;
  if (!Token.isUnresolved(name)) return name;
  // A function defined in the app with an explicit `functionName`: its L1 carries the literal.
  // Reading it instead of the `Ref` keeps another stack's function out of `Fn::ImportValue`.
  const cfn = fn.node.defaultChild;
  if (cfn instanceof lambda.CfnFunction && cfn.functionName !== undefined && !Token.isUnresolved(cfn.functionName)) {
    return cfn.functionName;
  }
  const arn = Stack.of(fn).resolve(fn.functionArn);
  const parts: unknown[] | undefined = arn?.['Fn::Join']?.[0] === '' ? arn['Fn::Join'][1] : undefined;
  const last = parts?.[parts.length - 1];
  const match = typeof last === 'string' ? FUNCTION_ARN_SUFFIX.exec(last) : null;
  return match ? match[1] : name;
}

/**
 * The function's ARN as `consumer`'s stack should reference it.
 *
 * In the same stack: the function's own ARN. From another stack: built from the function's name
 * (`arn:<partition>:lambda:<region>:<account>:function:<name>`), so a function with a literal name
 * is not imported at all, and one with a generated name is imported once (its name), not twice
 * (name and ARN).
 */
export function functionArnOf(fn: lambda.IFunction, consumer: IConstruct): string {
  if (Stack.of(fn) === Stack.of(consumer)) return fn.functionArn;
  return Stack.of(fn).formatArn({
    service: 'lambda',
    resource: 'function',
    resourceName: functionNameOf(fn),
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/**
 * The name of a REST API's deployment stage, as a literal whenever it is known at synth.
 *
 * `Stage.stageName` is the stage's `Ref`: read from another stack, it becomes an
 * `Fn::ImportValue`. The L1 carries the literal name (`deployOptions.stageName`, default `prod`).
 */
export function stageNameOf(stage: apigateway.IStage): string {
  const name = stage.stageName;
  if (!Token.isUnresolved(name)) return name;
  const cfn = stage.node.defaultChild;
  return cfn instanceof apigateway.CfnStage && cfn.stageName !== undefined && !Token.isUnresolved(cfn.stageName)
    ? cfn.stageName
    : name;
}

/** Whether `resource` is defined in another stack than `consumer` (so reading its tokens imports them). */
export function isForeign(resource: IConstruct, consumer: IConstruct): boolean {
  return Stack.of(resource) !== Stack.of(consumer);
}

/**
 * The log group's name as this app gives it: the literal when the group has a literal name, or the
 * expression it is named with (`/aws/lambda/<function Ref>` for a function with a generated name).
 *
 * A group in a nested stack is otherwise named in the parent through a nested-stack output
 * (`Fn::GetAtt [<stack>, Outputs.<id>]`, about 200 template bytes at each use): 500 of them in a
 * dashboard and again in the saved queries, and, in a dashboard part in a nested stack of its own,
 * a parameter per group on top of the function's own (CloudFormation allows 200 of each). Named
 * by its expression, a group costs only the references the expression holds, which the part
 * usually has already (the function's name). Users of this name depend on the group's stack
 * themselves where order matters (a dashboard does not need the group to exist).
 */
export function logGroupNameOf(group: logs.ILogGroup): string {
  const cfn = group instanceof logs.LogGroup ? group.node.defaultChild : undefined;
  const name = cfn instanceof logs.CfnLogGroup ? cfn.logGroupName : undefined;
  return name ?? group.logGroupName;
}
