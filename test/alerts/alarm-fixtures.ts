import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DeploymentEnvironment, PlatformMonitoring, PlatformMonitoringProps } from '../../src';
import { ecommerceMlComponents } from '../ml-fixtures';
import { newStack } from '../nag-helpers';

/** One synthesized CloudFormation template of the assembly (a stack or a nested stack). */
export interface AssemblyTemplate {
  /** The stack's name, or the nested template's file name. */
  readonly name: string;
  readonly nested: boolean;
  readonly resources: { [logicalId: string]: { Type: string; Properties?: any } };
  readonly outputs: { [name: string]: { Value: any } };
}

/** Every template of the synthesized app: the stacks and the nested stacks' templates in the assembly directory. */
export function assemblyTemplates(app: App): AssemblyTemplate[] {
  const asm = app.synth();
  const out: AssemblyTemplate[] = asm.stacks.map((s) => ({
    name: s.stackName, nested: false, resources: s.template.Resources ?? {}, outputs: s.template.Outputs ?? {},
  }));
  for (const file of fs.readdirSync(asm.directory).filter((f) => f.endsWith('.nested.template.json')).sort()) {
    const template = JSON.parse(fs.readFileSync(path.join(asm.directory, file), 'utf8'));
    out.push({ name: file, nested: true, resources: template.Resources ?? {}, outputs: template.Outputs ?? {} });
  }
  return out;
}

/** Every alarm (metric and composite) of the templates, with the template it lives in. */
export function alarmsOf(templates: AssemblyTemplate[]): Array<{ template: string; logicalId: string; type: string; props: any }> {
  return templates.flatMap((t) => Object.entries(t.resources)
    .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm' || r.Type === 'AWS::CloudWatch::CompositeAlarm')
    .map(([logicalId, r]) => ({ template: t.name, logicalId, type: r.Type, props: r.Properties ?? {} })));
}

/** The default platform: only the required props (a project name, and a recipient for the alarms). */
export function defaultPlatform(): { app: App; stack: Stack; monitoring: PlatformMonitoring } {
  const { app, stack } = newStack();
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', { alertEmails: ['ops@example.com'], projectName: 'shop' });
  return { app, stack, monitoring };
}

/**
 * Every kind of alarm the construct makes: DMS, 12 functions (two Lambda groups in nested stacks),
 * REST API, REST stage and HTTP API, Batch and Glue, CIS, ML, platform health.
 */
export function allOptionsPlatform(
  extra: Partial<PlatformMonitoringProps> | ((stack: Stack) => Partial<PlatformMonitoringProps>) = {},
): { app: App; stack: Stack; monitoring: PlatformMonitoring } {
  const { app, stack } = newStack();
  const fns = Array.from({ length: 12 }, (_, i) => lambda.Function.fromFunctionName(stack, `Fn${i}`, `shop-fn-${i}`));
  const api = new apigateway.RestApi(stack, 'Api', { restApiName: 'shop-api', deployOptions: { stageName: 'live' } });
  api.root.addMethod('GET', new apigateway.MockIntegration());
  const more = typeof extra === 'function' ? extra(stack) : extra;
  const monitoring = new PlatformMonitoring(stack, 'Monitoring', {
    alertEmails: ['ops@example.com'],
    projectName: 'shop',
    environment: DeploymentEnvironment.PROD,
    lambdaFunctions: fns,
    restApis: [api],
    restApiStages: [{ apiName: 'legacy-api', stageName: 'prod' }],
    httpApis: [{ api: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Http', { httpApiId: 'abc123' }), displayName: 'edge' }],
    dmsReplicationTasks: [{ replicationInstanceIdentifier: 'repl', replicationTaskIdentifier: 'TASKRESOURCEID' }],
    batchJobQueues: ['arn:aws:batch:eu-west-1:123456789012:job-queue/etl'],
    glueCrawlerNames: ['raw-crawler'],
    glueJobNames: ['curate'],
    ...more,
    mlComponents: ecommerceMlComponents(),
    alarms: {
      securityAlarms: true,
      mlAlarms: [{
        componentId: 'market-intelligence',
        metricName: 'ForecastAccuracy',
        threshold: 80,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        period: Duration.minutes(5),
      }],
      ...more.alarms,
    },
  });
  return { app, stack, monitoring };
}
