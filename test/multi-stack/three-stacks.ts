import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { RECOMMENDED_CONTEXT } from '../nag-helpers';

/** How the team stacks name their resources. */
export interface TeamNaming {
  /** Give every function an explicit `functionName` (otherwise CloudFormation generates it). */
  readonly literalFunctionNames: boolean;
}

/**
 * The app of issue 11 item 5, written as a new user would: three functions in one team stack, a
 * REST API in a second (and an HTTP API), `PlatformMonitoring` with defaults in a third.
 */
export function threeStackApp(naming: TeamNaming = { literalFunctionNames: true }, extra: Partial<PlatformMonitoringProps> = {},
  configurePlatformStack?: (stack: Stack) => void) {
  const app = new App({ context: RECOMMENDED_CONTEXT });
  const env = { account: '123456789012', region: 'eu-west-1' };
  const functionsStack = new Stack(app, 'Functions', { env });
  const fns = ['orders', 'payments', 'search'].map((name) => new lambda.Function(functionsStack, name, {
    functionName: naming.literalFunctionNames ? `shop-${name}` : undefined,
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  }));
  const apisStack = new Stack(app, 'Apis', { env });
  const api = new apigateway.RestApi(apisStack, 'ShopApi', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const httpApi = new apigatewayv2.HttpApi(apisStack, 'ShopHttpApi', { apiName: 'shop-http' });
  const platformStack = new Stack(app, 'Platform', { env });
  configurePlatformStack?.(platformStack);
  const monitoring = new PlatformMonitoring(platformStack, 'Monitoring', {
    alertEmails: ['ops@example.com'],
    projectName: 'shop',
    lambdaFunctions: fns,
    restApis: [api],
    httpApis: [{ api: httpApi, displayName: 'shop-http' }],
    ...extra,
  });
  return { app, functionsStack, apisStack, platformStack, fns, api, httpApi, monitoring };
}

/** Every `Fn::ImportValue` in a template, as the export names it reads. */
export function importsOf(template: object): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Fn::ImportValue') found.push(JSON.stringify(value));
      else walk(value);
    }
  };
  walk(template);
  return found;
}
