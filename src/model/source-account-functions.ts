import { Stack, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { locateResource, ResourceKind, ResourceUse } from './resource-location';
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
  /**
   * What never moves when the lists change: the literal function name (with the account for a
   * function of a source account), else the function construct's path. Groups functions stably.
   */
  readonly stableKey?: string;
}

/** The stable key of a function reference (see `LambdaFunctionRef.stableKey`). */
export function stableKeyOf(ref: LambdaFunctionRef): string {
  if (ref.stableKey !== undefined) return ref.stableKey;
  return ref.account === undefined ? ref.functionName : `${ref.account}/${ref.functionName}`;
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
export function resolveLambdaFunctionArns(scope: IConstruct, propName: string, values: unknown, use: ResourceUse): LambdaFunctionRef[] {
  checkList(scope, propName, values);
  const stackAccount = Stack.of(scope).account;
  const stackRegion = Stack.of(scope).region;
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
    const sameRegion = Token.isUnresolved(stackRegion) || region === stackRegion;
    if (!Token.isUnresolved(stackAccount) && account === stackAccount && sameRegion) {
      throw validationError(scope, `${prop} is a function of this stack's own account (${account}): pass it in lambdaFunctions `
        + 'instead (lambda.Function.fromFunctionArn), which also creates its log group and error metric filter here. '
        + 'lambdaFunctionArns is for functions of source accounts, whose logs stay in their account.');
    }
    const location = locateResource(scope, prop, functionArnKind(functionName), use, account, region);
    return { functionName, account: location.account, region };
  });
  checkUnique(scope, propName, refs.map((r) => ({
    key: `${r.account ?? ''}/${r.region}/${r.functionName}`,
    shown: `the function "${r.functionName}" of ${r.account !== undefined ? `account ${r.account}` : 'this account'} (${r.region})`,
  })),
  'its errors and throttles would be counted twice in the platform sums');
  return refs;
}

/** A function given by ARN: read through cross-account observability, graphed in any Region. */
function functionArnKind(functionName: string): ResourceKind {
  return {
    what: `the Lambda function "${functionName}"`,
    graphsFromOtherRegions: true,
    otherAccountFix: () => '',
  };
}

/**
 * Checks where one of `lambdaFunctions` is (a function of another account's stack, or imported by
 * an ARN of another account or Region): a function passed as a construct is watched in this account
 * and Region only (its log group and error metric filter are created here, its metrics read here).
 */
export function checkFunctionLocation(scope: IConstruct, propName: string, fn: lambda.IFunction, use: ResourceUse): void {
  locateResource(scope, `${propName} (${fn.node.path})`, {
    what: 'a Lambda function',
    graphsFromOtherRegions: false,
    otherAccountReason: 'a function passed as a construct is watched in this account: its log group, error metric filter and '
      + 'trail selector are created here, where its logs are not, and its metrics are read here',
    otherAccountFix: (account) => `Pass its ARN in lambdaFunctionArns instead ("arn:aws:lambda:${fn.env.region}:${account}:function:`
      + `${functionNameOf(fn)}"): its metrics and logs are then read through the CloudWatch cross-account observability link.`,
  }, use, fn.env.account, fn.env.region);
}

/** The function references of `lambdaFunctions` (this account), then of `lambdaFunctionArns`. */
export function lambdaFunctionRefs(functions: lambda.IFunction[] | undefined, sourceAccountFunctions: LambdaFunctionRef[]): LambdaFunctionRef[] {
  return [...(functions ?? []).map((fn) => {
    const functionName = functionNameOf(fn);
    return { functionName, stableKey: Token.isUnresolved(functionName) ? `path:${fn.node.path}` : functionName };
  }), ...sourceAccountFunctions];
}

/** A label for a function on graphs: the name, with the account for a function of a source account. */
export function functionLabel(ref: LambdaFunctionRef): string {
  return ref.account === undefined ? ref.functionName : `${ref.functionName} (${ref.account})`;
}
