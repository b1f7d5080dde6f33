import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';

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
  const arn = Stack.of(fn).resolve(fn.functionArn);
  const parts: unknown[] | undefined = arn?.['Fn::Join']?.[0] === '' ? arn['Fn::Join'][1] : undefined;
  const last = parts?.[parts.length - 1];
  const match = typeof last === 'string' ? FUNCTION_ARN_SUFFIX.exec(last) : null;
  return match ? match[1] : name;
}

/**
 * The log group's name, as a literal when this app creates the group with a literal name.
 *
 * A group in a nested stack is otherwise named in the parent through a nested-stack output
 * (`Fn::GetAtt [<stack>, Outputs.<id>]`, about 200 template bytes at each use): 500 of them in a
 * dashboard and again in the saved queries. Users of the literal name depend on the group's
 * stack themselves where order matters (a dashboard does not need the group to exist).
 */
export function logGroupNameOf(group: logs.ILogGroup): string {
  const cfn = group instanceof logs.LogGroup ? group.node.defaultChild : undefined;
  const name = cfn instanceof logs.CfnLogGroup ? cfn.logGroupName : undefined;
  return name !== undefined && !Token.isUnresolved(name) ? name : group.logGroupName;
}
