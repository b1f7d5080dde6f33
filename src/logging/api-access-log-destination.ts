import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { aws_apigateway as apigatewayRefs } from 'aws-cdk-lib/interfaces';
import { IConstruct } from 'constructs';
import { DeploymentEnvironment } from '../core/environment';
import { LoggingNaming, PlatformNaming } from '../core/naming';
import { validateProjectName } from '../core/validation';

/**
 * Properties of `ApiAccessLogDestination` and `HttpApiAccessLogDestination`: the same project
 * name and environment as the `PlatformMonitoring` (or `CentralLogging`) that owns the group.
 */
export interface ApiAccessLogDestinationProps {
  /** The project name given to `PlatformMonitoring`. */
  readonly projectName: string;

  /**
   * The environment given to `PlatformMonitoring` (outside PROD the group name carries `-<env>`).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;
}

// AWS docs: "AWS::ApiGateway::Stage AccessLogSetting" and "AWS::ApiGatewayV2::Stage
// AccessLogSettings" (CloudFormation Template Reference): DestinationArn is the ARN of the CloudWatch
// Logs log group. Whether API Gateway checks that the group exists when the stage is updated is not
// documented: we ask users to deploy the monitoring stack first.

/**
 * The ARN of the platform's API access-log group, built from its name in `scope`'s stack
 * (`arn:<partition>:logs:<region>:<account>:log-group:<name>:*`, the form a log group's `Arn`
 * attribute has), so the stack that uses it references nothing of the monitoring stack.
 */
function accessLogGroupArn(scope: IConstruct, props: ApiAccessLogDestinationProps): string {
  validateProjectName(scope, props.projectName);
  const naming = new LoggingNaming(new PlatformNaming(props.projectName, props.environment ?? DeploymentEnvironment.PROD));
  return Stack.of(scope).formatArn({
    service: 'logs',
    resource: 'log-group',
    resourceName: `${naming.apiAccessLogGroupName}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
}

/**
 * The platform's API access-log group as the access-log destination of a REST API stage defined in
 * another stack than `PlatformMonitoring` (a team's API stack).
 *
 * `monitoring.apiAccessLogDestination()` references the group itself: used from another stack, the
 * API stack then depends on the monitoring stack, which depends on the API (its name and stage) —
 * a dependency cycle. This destination names the group by its literal ARN instead (built from the
 * project name and environment in the API's own stack), so no stack imports anything from the
 * other. The group must exist when the stage is deployed: deploy the monitoring stack first
 * (`apiStack.addStackDependency(monitoringStack)`).
 *
 * ```ts
 * import { ApiAccessLogDestination } from 'cdk-platform-monitoring';
 *
 * new apigateway.RestApi(this, 'OrdersApi', {
 *   deployOptions: {
 *     accessLogDestination: new ApiAccessLogDestination({ projectName: 'ecommerce-ai-platform' }),
 *     accessLogFormat: PlatformMonitoring.apiAccessLogFormat(),
 *   },
 * });
 * ```
 */
export class ApiAccessLogDestination implements apigateway.IAccessLogDestination {
  constructor(private readonly props: ApiAccessLogDestinationProps) {}

  /** The group's ARN, built in the stage's stack. */
  public bind(stage: apigatewayRefs.IStageRef): apigateway.AccessLogDestinationConfig {
    return { destinationArn: accessLogGroupArn(stage, this.props) };
  }
}

/**
 * The platform's API access-log group as the access-log destination of an HTTP API stage, by its
 * literal ARN (see `ApiAccessLogDestination`): `accessLogSettings: { destination: new
 * HttpApiAccessLogDestination({ projectName }), format }` on the stage.
 */
export class HttpApiAccessLogDestination implements apigatewayv2.IAccessLogDestination {
  constructor(private readonly props: ApiAccessLogDestinationProps) {}

  /** The group's ARN, built in the stage's stack. */
  public bind(stage: apigatewayv2.IStage): apigatewayv2.AccessLogDestinationConfig {
    return { destinationArn: accessLogGroupArn(stage, this.props) };
  }
}
