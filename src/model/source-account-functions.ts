import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { validationError } from '../private/errors';
import { checkList, checkNonEmptyString, checkUnique } from '../private/input-checks';
import { functionNameOf } from '../private/literal-names';

/*
 * Lambda functions of other (source) accounts, given by ARN (`lambdaFunctionArns`), and the
 * function references the alarms and dashboards share. Not part of the public API.
 */

/** A function whose metrics are read: its name, and its account and Region when not the stack's. */
export interface LambdaFunctionRef {
  /** The `FunctionName` dimension (may be a token for functions of the app). */
  readonly functionName: string;
  /** The source account, for a function given by ARN of another account. */
  readonly account?: string;
  /** The function's Region, for a function given by ARN. */
  readonly region?: string;
}

// AWS Lambda API reference, CreateFunction / FunctionConfiguration: FunctionArn has the form
// arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>], and a function name is
// 1-64 letters, digits, hyphens or underscores.
// https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([A-Za-z0-9_-]{1,64})(:[^:]+)?$/;

/**
 * Validates `lambdaFunctionArns` and returns each function's name, account and Region (from the ARN).
 *
 * Only unqualified ARNs are accepted: `AWS/Lambda` metrics are per `FunctionName` (a version or
 * alias would need the `Resource` dimension). An ARN of the stack's own account is refused: such a
 * function belongs in `lambdaFunctions`, which also creates its log group and error metric filter.
 */
export function resolveLambdaFunctionArns(scope: IConstruct, propName: string, values: unknown): LambdaFunctionRef[] {
  checkList(scope, propName, values);
  const stackAccount = Stack.of(scope).account;
  const refs = ((values ?? []) as unknown[]).map((value, i) => {
    const prop = `${propName}[${i}]`;
    checkNonEmptyString(scope, prop, value, 'Lambda function ARN');
    const v = value as string;
    if (Token.isUnresolved(v)) {
      throw validationError(scope, `${prop} is a token: the function's account, Region and name are read from its ARN at `
        + 'synth (the metrics need the account ID and function name as literals). Pass the ARN as a string, e.g. '
        + '"arn:aws:lambda:eu-west-1:222222222222:function:orders-api".');
    }
    const arn = FUNCTION_ARN.exec(v);
    if (!arn) {
      throw validationError(scope, `${prop} ${JSON.stringify(v)} is not a Lambda function ARN `
        + '(arn:<partition>:lambda:<region>:<account>:function:<name>, the name 1-64 letters, digits, hyphens or underscores). '
        + 'Pass the function\'s ARN as the Lambda console shows it.');
    }
    const [, region, account, functionName, qualifier] = arn;
    if (qualifier) {
      throw validationError(scope, `${prop} ${JSON.stringify(v)} is a qualified ARN (version or alias "${qualifier.slice(1)}"): `
        + 'AWS/Lambda metrics are read per function name (FunctionName dimension). Pass the unqualified ARN '
        + `${JSON.stringify(v.slice(0, v.length - qualifier.length))}.`);
    }
    if (!Token.isUnresolved(stackAccount) && account === stackAccount) {
      throw validationError(scope, `${prop} is a function of this stack's own account (${account}): pass it in lambdaFunctions `
        + 'instead (lambda.Function.fromFunctionArn), which also creates its log group and error metric filter here. '
        + 'lambdaFunctionArns is for functions of source accounts, whose logs stay in their account.');
    }
    return { functionName, account, region };
  });
  checkUnique(scope, propName, refs.map((r) => ({
    key: `${r.account}/${r.region}/${r.functionName}`,
    shown: `the function "${r.functionName}" of account ${r.account} (${r.region})`,
  })),
  'its errors and throttles would be counted twice in the platform sums');
  return refs;
}

/**
 * Throws if one of `lambdaFunctions` is known to be in another account than the stack (a function
 * of another account's stack, or imported by an ARN of another account): its log group and metric
 * filter would be created in this account, where its logs are not.
 */
export function checkFunctionAccount(scope: IConstruct, propName: string, fn: lambda.IFunction): void {
  const stackAccount = Stack.of(scope).account;
  const account = fn.env.account;
  if (Token.isUnresolved(account) || Token.isUnresolved(stackAccount) || account === stackAccount) return;
  throw validationError(scope, `${propName} (${fn.node.path}) is a function of account ${account}, but this stack deploys to `
    + `account ${stackAccount}: its log group and error metric filter would be created here, where its logs are not. Pass its `
    + `ARN in lambdaFunctionArns instead ("arn:aws:lambda:${fn.env.region}:${account}:function:${functionNameOf(fn)}"): its `
    + 'metrics and logs are then read through the CloudWatch cross-account observability link.');
}

/** The function references of `lambdaFunctions` (this account), then of `lambdaFunctionArns`. */
export function lambdaFunctionRefs(functions: lambda.IFunction[] | undefined, sourceAccountFunctions: LambdaFunctionRef[]): LambdaFunctionRef[] {
  return [...(functions ?? []).map((fn) => ({ functionName: functionNameOf(fn) })), ...sourceAccountFunctions];
}

/** A label for a function on graphs: the name, with the account for a function of a source account. */
export function functionLabel(ref: LambdaFunctionRef): string {
  return ref.account === undefined ? ref.functionName : `${ref.functionName} (${ref.account})`;
}
