import { Annotations, Duration, NestedStack, Names, RemovalPolicy, Stack, Tags, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { apiAccessLogFormatString } from './api-access-log-format';
import { BATCH_LOG_ERRORS_METRIC, errorCountMetric, errorMetricFilter, lambdaLogErrorsMetricName } from './log-error-metrics';
import { AUTO_NESTED_THRESHOLD, functionStackOf, isNested, LogGroupPlacement, NESTED_SHARDS, shardOf, topLevelStackOf } from './log-group-placement';
import { LoggingOptions } from './logging-options';
import { enableRestApiAccessLogs, warnForeignRestApiStages } from './rest-api-access-logs';
import { createSavedQueries } from './saved-queries';
import { lambdaLogGroupModeOf, ServiceLogGroupMode } from './service-log-group-mode';
import { DeploymentEnvironment } from '../core/environment';
import { LoggingNaming, PlatformNaming } from '../core/naming';
import { resolveEnvironment, resolveStatefulRemovalPolicy, validateProjectName, validateRetention } from '../core/validation';
import { checkTemplateQuotas } from '../limits/template-quotas';
import { MonitoredResources } from '../model/monitored-platform';
import { MonitoredApisProps, MonitoredFunctionsProps } from '../model/monitored-resource-props';
import { ResourceUse } from '../model/resource-location';
import { AccountRegionRegistry, AgnosticStacks } from '../private/account-region-registry';
import { DEFAULT_TRAIL_LOG_GROUP_RETENTION } from '../private/defaults';
import { registerDetachedScope } from '../private/detached-scopes';
import { validationError } from '../private/errors';
import { checkEnumValue } from '../private/input-checks';
import { functionNameOf, logGroupNameOf } from '../private/literal-names';
import { encryptedLogGroup, EncryptedLogGroupOptions } from '../private/logging-groups';
import { validateLogGroupName } from '../private/logging-validation';

/** Default name of the AWS Batch job log group (where Batch jobs write unless told otherwise). */
const DEFAULT_BATCH_LOG_GROUP_NAME = '/aws/batch/job';

/** Keys of the non-Lambda groups in `CentralLogging.logGroups`. */
export enum PlatformLogGroup {
  /** The AWS Batch job log group. */
  BATCH = 'batch',
  /** The API Gateway access-log group. */
  API_ACCESS = 'api-access',
  /** The group EventBridge state-change events (Batch, Glue) are written to. */
  PLATFORM_EVENTS = 'platform-events',
  /** The group the audit trail streams to. */
  CLOUDTRAIL = 'cloudtrail',
}

/**
 * Properties of `CentralLogging`: what it needs from the platform, its `LoggingOptions`, and the
 * resources whose logs it holds: `lambdaFunctions` (a log group with an error metric filter each)
 * and `restApis` (their deployment stages' access logs, see `restApiAccessLogs`). It reads no other
 * list (`lambdaFunctionArns`, `restApiStages` and `httpApis` are ignored: their logs are not created here).
 */
export interface CentralLoggingProps extends LoggingOptions, MonitoredFunctionsProps, MonitoredApisProps {
  /** The project name: part of log group and query names, and the namespace of the log-error metrics. */
  readonly projectName: string;

  /**
   * The deployment environment. Outside PROD, the project's own group names carry `-<env>`
   * (`/aws/cloudtrail/<project>-dev`) so environments can share an account.
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The KMS key every log group is encrypted with. Its policy must allow
   * `logs.<region>.amazonaws.com` (a `PlatformKey` does).
   */
  readonly encryptionKey: kms.IKey;

  /**
   * How long every group keeps its events: a finite value CloudWatch Logs accepts.
   *
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * How long the CloudTrail log group (`createTrailLogGroup`) keeps its events. Audit events
   * keep the one-year default wherever the group is created (`AuditTrail` alone included).
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly trailLogGroupRetention?: logs.RetentionDays;

  /**
   * What happens to the log groups when they leave the stack. DESTROY is refused in PROD.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Whether to create the group the audit trail streams to (`/aws/cloudtrail/<project>`). Pass
   * it to `AuditTrail` as `logGroup`. Set to false when the trail's group is created elsewhere.
   *
   * @default true
   */
  readonly createTrailLogGroup?: boolean;

  /**
   * The log group of a trail that exists already (in this account and Region): the CloudTrail
   * saved queries read it, and no CloudTrail group is created (`createTrailLogGroup` and
   * `trailLogGroupRetention` are then ignored).
   *
   * @default - the group created here (`createTrailLogGroup`)
   */
  readonly existingTrailLogGroup?: logs.ILogGroup;
}

/**
 * The platform's log groups, each encrypted with the platform key, with a retention and a removal
 * policy: one per Lambda function, the Batch job group, the API Gateway access-log group, the
 * platform-events group (EventBridge state changes) and the CloudTrail group. ERROR lines of the
 * Lambda and Batch groups are counted into the project namespace, and saved Logs Insights queries
 * cover the daily on-call questions.
 *
 * Usable on its own; `PlatformMonitoring` creates one.
 */
export class CentralLogging extends Construct {
  /** The log group AWS Batch jobs write to unless a job definition says otherwise. */
  public static readonly DEFAULT_BATCH_LOG_GROUP_NAME = DEFAULT_BATCH_LOG_GROUP_NAME;

  /**
   * The ready-made JSON access-log format of the platform (request id, status, response and
   * integration latency, method, path, caller, source IP, error message), matching the saved
   * "Find slow API requests" query. Use with `apiAccessLogDestination()`.
   */
  public static apiAccessLogFormat(): apigateway.AccessLogFormat {
    return apigateway.AccessLogFormat.custom(apiAccessLogFormatString());
  }

  /**
   * Every log group, by key: the `PlatformLogGroup` values and `lambda:<construct path of the function>`.
   */
  public readonly logGroups: { [name: string]: logs.ILogGroup };

  /** The Lambda functions' groups, in the order of `lambdaFunctions`. */
  public readonly lambdaLogGroups: logs.ILogGroup[];

  /** The AWS Batch job group. */
  public readonly batchLogGroup: logs.ILogGroup;

  /** The API Gateway access-log group. */
  public readonly apiAccessLogGroup: logs.ILogGroup;

  /** The group EventBridge state-change events (Batch, Glue) are written to, under `/aws/events/`. */
  public readonly platformEventsLogGroup: logs.ILogGroup;

  /**
   * The group the audit trail streams to: created here, or `existingTrailLogGroup`
   * (undefined when `createTrailLogGroup` is false and no existing group is given).
   */
  public readonly trailLogGroup?: logs.ILogGroup;

  /** The saved Logs Insights queries. */
  public readonly queryDefinitions: logs.QueryDefinition[];

  /** The namespace of the log-error metrics (`PlatformMonitoring.metricNamespace`: the project name in PROD, `<project>-<env>` elsewhere). */
  public readonly metricNamespace: string;

  private readonly lambdaGroupsByAddr = new Map<string, { fn: lambda.IFunction; logGroup: logs.ILogGroup; own: boolean }>();

  constructor(scope: Construct, id: string, props: CentralLoggingProps) {
    super(scope, id);
    checkTemplateQuotas(this);

    // Validate.
    validateProjectName(this, props.projectName);
    const environment = resolveEnvironment(this, props.environment);
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    validateRetention(this, retention, 'logRetention');
    const trailRetention = props.trailLogGroupRetention ?? DEFAULT_TRAIL_LOG_GROUP_RETENTION;
    validateRetention(this, trailRetention, 'trailLogGroupRetention');
    checkEnumValue(this, 'lambdaLogGroupMode', props.lambdaLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
    checkEnumValue(this, 'batchLogGroupMode', props.batchLogGroupMode, ServiceLogGroupMode, 'ServiceLogGroupMode');
    checkEnumValue(this, 'lambdaLogGroupPlacement', props.lambdaLogGroupPlacement, LogGroupPlacement, 'LogGroupPlacement');
    const model = MonitoredResources.of(this, props, ['lambdaFunctions', 'restApis'], ResourceUse.LOGS);
    const removalPolicy = resolveStatefulRemovalPolicy(this, environment, props.removalPolicy);
    const batchName = props.batchLogGroupName ?? DEFAULT_BATCH_LOG_GROUP_NAME;
    validateLogGroupName(this, batchName, 'batchLogGroupName');
    const naming = new LoggingNaming(new PlatformNaming(props.projectName, environment));
    this.metricNamespace = new PlatformNaming(props.projectName, environment).metricNamespace;
    for (const name of [naming.apiAccessLogGroupName, naming.platformEventsLogGroupName, naming.cloudTrailLogGroupName]) {
      validateLogGroupName(this, name, 'a log group name derived from projectName');
    }
    const options: EncryptedLogGroupOptions = { encryptionKey: props.encryptionKey, retention, removalPolicy };

    // Lambda: one group per function, construct ids from the function's construct address.
    const functions = model.localFunctions;
    const placement = props.lambdaLogGroupPlacement ?? LogGroupPlacement.FUNCTION_STACK;
    const nested = isNested(placement, functions.length);
    if (placement === LogGroupPlacement.AUTO) {
      // AUTO is always the same layout as one of the growth-safe values: switching changes nothing.
      const same = nested ? 'NESTED_STACKS' : 'SAME_STACK';
      Annotations.of(this).addWarningV2('cdk-platform-monitoring:autoLogGroupPlacement',
        `lambdaLogGroupPlacement AUTO moves every per-function log group into nested stacks when the functions pass ${AUTO_NESTED_THRESHOLD} `
        + `(now ${functions.length}): a deploy then fails for retained groups with fixed names. With ${functions.length} functions AUTO `
        + `places them exactly as LogGroupPlacement.${same} does: set that instead (nothing moves), and growth never moves them.`);
    }
    // Whether the platform creates each function's group or uses the one that exists.
    const modes = new Map(functions.map((fn) => [fn, lambdaLogGroupModeOf(fn, props.lambdaLogGroupMode)]));
    // FUNCTION_STACK: the top-level stack of each function whose resources go with it.
    const ownStacks = new Map<lambda.IFunction, Stack>();
    if (placement === LogGroupPlacement.FUNCTION_STACK) {
      for (const fn of functions) {
        const own = functionStackOf(fn, this);
        if (own) ownStacks.set(fn, own);
      }
      // Only a stack that holds a group the platform creates (encrypted: it imports the key's ARN)
      // depends on the platform's; groups used as they exist (USE_EXISTING) import nothing.
      const keyed = [...ownStacks].filter(([fn]) => modes.get(fn) === ServiceLogGroupMode.CREATE);
      checkNoMutualDependency(this, functions, new Set(keyed.map(([, stack]) => stack)));
    }
    const lambdaScope = new Construct(this, 'Lambda');
    const shards = new Map<number, Construct>();
    const ownShards = new Map<string, Construct>();
    const ownScopes = new Map<Stack, Construct>();
    const shardIn = (parent: Construct, index: number): NestedStack => new NestedStack(parent, `Shard${index}`, {
      description: `${props.projectName}: Lambda log groups and error metric filters (shard ${index + 1} of ${NESTED_SHARDS})`,
    });
    const shardScope = (fn: lambda.IFunction): Construct => {
      const own = ownStacks.get(fn);
      if (own) {
        // One scope per platform in the function's stack, named after the platform's construct.
        let ownScope = ownScopes.get(own);
        if (!ownScope) {
          ownScope = new Construct(own, `${Names.uniqueId(this)}Lambda`);
          checkTemplateQuotas(ownScope);
          registerDetachedScope(this, ownScope);
          Tags.of(ownScope).add('Project', props.projectName);
          Tags.of(ownScope).add('Environment', environment);
          ownScopes.set(own, ownScope);
        }
        const index = shardOf(fn.node.path);
        const key = `${own.node.path}#${index}`;
        let shard = ownShards.get(key);
        if (!shard) {
          shard = shardIn(ownScope, index);
          ownShards.set(key, shard);
        }
        return shard;
      }
      if (!nested) return lambdaScope;
      const index = shardOf(fn.node.path);
      let shard = shards.get(index);
      if (!shard) {
        shard = shardIn(lambdaScope, index);
        shards.set(index, shard);
      }
      return shard;
    };
    for (const fn of functions) {
      const key = fn.node.addr;
      if (this.lambdaGroupsByAddr.has(key)) continue;
      const fnScope = new Construct(shardScope(fn), `${fn.node.id}-${key.slice(0, 8)}`);
      const name = `/aws/lambda/${functionNameOf(fn)}`;
      validateLogGroupName(this, name, `the log group name of function ${fn.node.path}`);
      const logGroup = modes.get(fn) === ServiceLogGroupMode.USE_EXISTING
        ? logs.LogGroup.fromLogGroupName(fnScope, 'LogGroup', name)
        : encryptedLogGroup(fnScope, 'LogGroup', name, options);
      errorMetricFilter(fnScope, 'ErrorsFilter', logGroup, this.metricNamespace, lambdaLogErrorsMetricName(functionNameOf(fn)));
      this.lambdaGroupsByAddr.set(key, { fn, logGroup, own: ownStacks.has(fn) });
    }
    this.lambdaLogGroups = [...this.lambdaGroupsByAddr.values()].map((e) => e.logGroup);

    // Batch, API access, platform events, CloudTrail.
    // `/aws/batch/job` is one group per account and Region: without an explicit mode, the first
    // platform of the app in an account and Region creates it and the next ones reference it (their
    // stacks deploy after the creator's).
    const sharedBatchGroup = props.batchLogGroupMode === undefined ? SERVICE_LOG_GROUPS.get(this, batchName) : undefined;
    if (sharedBatchGroup) {
      this.batchLogGroup = logs.LogGroup.fromLogGroupName(this, 'BatchLogGroup', batchName);
      this.node.addDependency(sharedBatchGroup);
    } else if (props.batchLogGroupMode === ServiceLogGroupMode.USE_EXISTING) {
      this.batchLogGroup = logs.LogGroup.fromLogGroupName(this, 'BatchLogGroup', batchName);
    } else {
      this.batchLogGroup = encryptedLogGroup(this, 'BatchLogGroup', batchName, options);
      SERVICE_LOG_GROUPS.register(this, batchName, this.batchLogGroup);
    }
    errorMetricFilter(this, 'BatchErrorsFilter', this.batchLogGroup, this.metricNamespace, BATCH_LOG_ERRORS_METRIC);
    this.apiAccessLogGroup = encryptedLogGroup(this, 'ApiAccessLogGroup', naming.apiAccessLogGroupName, options);
    this.platformEventsLogGroup = encryptedLogGroup(this, 'PlatformEventsLogGroup', naming.platformEventsLogGroupName, options);
    if (props.existingTrailLogGroup) {
      this.trailLogGroup = props.existingTrailLogGroup;
    } else if (props.createTrailLogGroup ?? true) {
      this.trailLogGroup = encryptedLogGroup(this, 'CloudTrailLogGroup', naming.cloudTrailLogGroupName,
        { ...options, retention: trailRetention });
    }

    // Expose.
    this.logGroups = {
      [PlatformLogGroup.BATCH]: this.batchLogGroup,
      [PlatformLogGroup.API_ACCESS]: this.apiAccessLogGroup,
      [PlatformLogGroup.PLATFORM_EVENTS]: this.platformEventsLogGroup,
      ...(this.trailLogGroup ? { [PlatformLogGroup.CLOUDTRAIL]: this.trailLogGroup } : {}),
    };
    for (const { fn, logGroup } of this.lambdaGroupsByAddr.values()) this.logGroups[`lambda:${fn.node.path}`] = logGroup;

    // Queries name nested groups literally (no nested-stack output per group), after their stacks.
    // A group in a function's own stack is named literally too, and not waited for: that stack
    // deploys after this one (it reads the key's ARN from it). PutQueryDefinition's reference
    // (CloudWatch Logs API Reference) does not say that the groups must exist.
    const queries = new Construct(this, 'Queries');
    for (const shard of shards.values()) queries.node.addDependency(shard);
    const queryGroups = [...this.lambdaGroupsByAddr.entries()].map(([addr, { logGroup, own }]) => {
      const literal = nested || own ? logGroupNameOf(logGroup) : logGroup.logGroupName;
      return literal === logGroup.logGroupName ? logGroup : logs.LogGroup.fromLogGroupName(queries, `Lambda${addr}`, literal);
    });
    this.queryDefinitions = createSavedQueries(queries, naming, {
      lambda: queryGroups,
      batch: this.batchLogGroup,
      apiAccess: this.apiAccessLogGroup,
      platformEvents: this.platformEventsLogGroup,
      cloudTrail: this.trailLogGroup,
      slowApiRequestThreshold: props.slowApiRequestThreshold ?? Duration.seconds(1),
    });

    // Access logs of the REST APIs' stages: only in this stack; another stack's stage gets a
    // warning with the code to add there (referencing our group from it would create a cycle).
    if (props.restApiAccessLogs ?? true) {
      const target = {
        projectName: props.projectName,
        environment,
        destination: this.apiAccessLogDestination(),
        format: CentralLogging.apiAccessLogFormat().toString(),
      };
      const foreign = model.restApis.map((api, index) => ({ api, index }))
        .filter(({ api }) => enableRestApiAccessLogs(this, api, target));
      warnForeignRestApiStages(this, foreign, target);
    }

    Tags.of(this).add('Project', props.projectName);
    Tags.of(this).add('Environment', environment);
  }

  /** The log group of one of `lambdaFunctions`. */
  public lambdaLogGroup(fn: lambda.IFunction): logs.ILogGroup {
    return this.lambdaEntry(fn).logGroup;
  }

  /**
   * The count of ERROR lines in a function's log group (namespace = project name, metric
   * `Lambda.LogErrors.<functionName>`, Sum over 5 minutes, unit Count). Counts errors a function
   * logs and handles itself, which `AWS/Lambda` `Errors` does not.
   */
  public lambdaLogErrorsMetric(fn: lambda.IFunction, options?: cloudwatch.MetricOptions): cloudwatch.IMetric {
    this.lambdaEntry(fn);
    return errorCountMetric(this.metricNamespace, lambdaLogErrorsMetricName(functionNameOf(fn)), options);
  }

  /** The count of ERROR lines in the Batch job group (metric `Batch.LogErrors`, Sum over 5 minutes, Count). */
  public batchLogErrorsMetric(options?: cloudwatch.MetricOptions): cloudwatch.IMetric {
    return errorCountMetric(this.metricNamespace, BATCH_LOG_ERRORS_METRIC, options);
  }

  /**
   * The access-log destination for a REST API stage. With the format:
   * `deployOptions: { accessLogDestination: logging.apiAccessLogDestination(), accessLogFormat: CentralLogging.apiAccessLogFormat() }`.
   */
  public apiAccessLogDestination(): apigateway.IAccessLogDestination {
    return new apigateway.LogGroupLogDestination(this.apiAccessLogGroup);
  }

  private lambdaEntry(fn: lambda.IFunction) {
    const entry = this.lambdaGroupsByAddr.get(fn.node.addr);
    if (!entry) {
      throw validationError(this, `Function ${fn.node.path} is not one of lambdaFunctions, so it has no platform log group `
        + 'or log-error metric. Add it to lambdaFunctions.');
    }
    return entry;
  }
}

/**
 * Fails when a stack would hold the log groups of some of its functions (so read the platform
 * key's ARN from the platform's stack) while the platform reads the generated name of another of
 * its functions (so depends on that stack): neither stack could deploy first.
 */
function checkNoMutualDependency(scope: Construct, functions: lambda.IFunction[], ownStacks: Set<Stack>): void {
  functions.forEach((fn, i) => {
    const stack = topLevelStackOf(Stack.of(fn));
    if (!ownStacks.has(stack) || !Token.isUnresolved(functionNameOf(fn))) return;
    throw validationError(scope, `lambdaFunctions[${i}] (${fn.node.path}) has a name generated at deploy, so the platform reads it `
      + `from stack "${stack.node.path}", while that stack holds the platform's log groups of its other functions (encrypted with the `
      + 'platform key, whose ARN it reads from the platform\'s stack): the two stacks would depend on each other. Give the function '
      + 'an explicit functionName, or set lambdaLogGroupPlacement (PlatformMonitoring: logging.lambdaLogGroupPlacement) to '
      + 'LogGroupPlacement.NESTED_STACKS (every group in the platform\'s stack operation).');
  });
}

/**
 * Service log groups created by platforms of an app, by account, Region and name (environment-agnostic
 * stacks are taken to deploy to one account and Region).
 */
const SERVICE_LOG_GROUPS = new AccountRegionRegistry<logs.ILogGroup>(AgnosticStacks.DEPLOY_ACCOUNT);
