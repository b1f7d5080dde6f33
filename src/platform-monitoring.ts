import { Tags } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { checkAlarmSettings } from './alarms/alarm-options-check';
import { PlatformAlarms } from './alarms/platform-alarms';
import { AuditOptions } from './audit/audit-options';
import { AuditTrail } from './audit/audit-trail';
import { DeploymentEnvironment } from './core/environment';
import { PlatformNaming } from './core/naming';
import {
  resolveEnvironment, resolveStatefulRemovalPolicy, validateEmails, validateProjectName, validateRetention, warnComplianceRetention,
} from './core/validation';
import { ApiPerformanceDashboard } from './dashboards/api-performance-dashboard';
import { DataPipelineDashboard } from './dashboards/data-pipeline-dashboard';
import { MlPerformanceDashboard } from './dashboards/ml-performance-dashboard';
import { PlatformKey } from './encryption/platform-key';
import { checkTemplateQuotas } from './limits/template-quotas';
import { CentralLogging } from './logging/central-logging';
import { MlMetricCatalog } from './metrics/ml-catalog';
import { warnImportedIdentifiers } from './model/foreign-resources';
import { monitoredLists, MonitoredResources, resolveMonitoredResources } from './model/monitored-platform';
import { ResourceUse } from './model/resource-location';
import { AlertRouting } from './notifications/alert-routing';
import { AlertTopic } from './notifications/alert-topic';
import { PlatformMonitoringProps } from './platform-monitoring-props';
import { validatePlatformMonitoringProps } from './platform-monitoring-validation';
import { validateAlarmSources } from './private/cross-account-policy';
import { validationError } from './private/errors';
import { checkEstate } from './private/estate-check';
import { addSynthSummary } from './summary/synth-summary';

/**
 * The most metrics on the first part of the API and data-pipeline dashboards in PlatformMonitoring's
 * stack (about 75 KB of template): with 1,000 functions and 100 REST APIs the stack's alarms, composite
 * alarms, queries and data-pipeline dashboard take about 825 KB of CloudFormation's 1 MB.
 */
const PLATFORM_FIRST_PART_METRICS = 500;

/**
 * The monitoring, logging and audit baseline of a platform, in one construct.
 *
 * It composes focused constructs, each usable on its own: `PlatformKey` (the key and its exact
 * service grants), `CentralLogging` (log groups, metric filters, saved queries), `AuditTrail`
 * (the trail, its buckets and log delivery), `AlertTopic` and `AlertRouting` (the encrypted topics
 * and who they reach), `PlatformAlarms` (every alarm, CIS security and ML alarms included) and the
 * three dashboards.
 *
 * What it exposes follows one rule, so each resource has one name: (a) the platform's identity
 * (`projectName`, `environment`, `metricNamespace`, `alarmNamePrefix`); (b) each part it composes,
 * as that construct (`platformKey`, `logging`, `audit`, `alertTopic`, `alertRouting`, `alarms`,
 * `dataPipelineDashboard`, `apiPerformanceDashboard`, `mlPerformanceDashboard`), whose resources
 * are reached through it (`monitoring.logging.batchLogGroup`, `monitoring.alarms.securityAlarms`);
 * and (c) only what it makes that belongs to no part (`mlCatalog`). Nothing is exposed twice.
 */
export class PlatformMonitoring extends Construct {
  /**
   * The JSON access-log format for API Gateway stages: request id, caller, method, path, status,
   * latency and integration latency, one JSON object per line (what "Find slow API requests" reads).
   */
  public static apiAccessLogFormat(): apigateway.AccessLogFormat {
    return CentralLogging.apiAccessLogFormat();
  }

  // (a) The platform's identity.

  /** The project name. */
  public readonly projectName: string;
  /** The deployment environment. */
  public readonly environment: DeploymentEnvironment;
  /** The namespace of the platform's custom metrics: the project name in PROD, `<project>-<env>` elsewhere. */
  public readonly metricNamespace: string;
  /** Every alarm this construct creates is named with this prefix (`<project>-<env>-`). */
  public readonly alarmNamePrefix: string;

  // (b) The parts it composes, each a construct usable alone: reach a resource through its part.

  /** The platform key (`key`: created, or `encryptionKey`) encrypting the platform's logs, trail and topics, and its policy. */
  public readonly platformKey: PlatformKey;
  /**
   * The log groups (`logGroups`, `lambdaLogGroups`, `batchLogGroup`, `apiAccessLogGroup`,
   * `platformEventsLogGroup`, `trailLogGroup`: the platform's, or `audit.existingTrailLogGroup`),
   * metric filters and saved queries (`queryDefinitions`).
   */
  public readonly logging: CentralLogging;
  /** The audit trail (`trail`, `trailArn`, `trailBucket`, `trailLogGroup`, `logsRole`); undefined with `audit.existingTrailLogGroup`. */
  public readonly audit?: AuditTrail;
  /** The encrypted SNS topic every alarm notifies on ALARM and OK (`topic`), with `recipients.emails` subscribed. */
  public readonly alertTopic: AlertTopic;
  /**
   * The severity topics (`criticalTopic` and `warningTopic` exist when that severity has
   * recipients) and the AWS Chatbot configurations of the chat channels (`recipients`).
   *
   * @experimental alarm severities and routing are new.
   */
  public readonly alertRouting: AlertRouting;
  /**
   * Every alarm (`allAlarms`; platform, security and ML alarms), by kind (`lambdaErrorsAlarms`,
   * `securityAlarms`, `platformHealthAlarm`, ...) and by severity, and the maintenance-window mute rules.
   */
  public readonly alarms: PlatformAlarms;
  /**
   * The data pipeline dashboard (DMS, Batch, Glue): `dashboard` is its first part, `dashboards`
   * every part, in order (more than one only when one dashboard cannot hold its widgets or metrics).
   */
  public readonly dataPipelineDashboard: DataPipelineDashboard;
  /**
   * The API performance dashboard (API Gateway, Lambda): `dashboard` is its first part,
   * `dashboards` every part, in order (`<name>-2`, `<name>-3`, ... each in a nested stack of its own).
   */
  public readonly apiPerformanceDashboard: ApiPerformanceDashboard;
  /** The ML model performance dashboard (the platform's custom metrics); only when `mlComponents` lists a component. */
  public readonly mlPerformanceDashboard?: MlPerformanceDashboard;

  // (c) What the L3 makes that belongs to no part.

  /** The ML metric catalog, in the project namespace: build and publish metrics from it. */
  public readonly mlCatalog: MlMetricCatalog;

  constructor(scope: Construct, id: string, props: PlatformMonitoringProps) {
    super(scope, id);
    checkTemplateQuotas(this);
    // What platforms of this app share once deployed (names, trails, Logs resource policies), checked over the app.
    checkEstate(this);

    // 1. Validate: fail at synth with a message that says how to fix the input.
    validateProjectName(this, props.projectName);
    if (props.environment === undefined) {
      // TypeScript refuses the omission; JavaScript callers can still leave it out.
      throw validationError(this, 'environment is required: set it to DeploymentEnvironment.DEV or STAGING to try the '
        + 'platform (RemovalPolicy.DESTROY is then accepted), or PROD for a platform whose audit data is retained.');
    }
    const environment = resolveEnvironment(this, props.environment);
    validatePlatformMonitoringProps(this, props);
    // What is monitored, validated and resolved once: every part below reads this model.
    const model = resolveMonitoredResources(this, props, ResourceUse.ALARMS);
    MonitoredResources.register(this, model);
    // Each part takes the lists themselves (the same arrays), so it reads this model instead of resolving its own.
    const lists = monitoredLists(props);
    checkAlarmSettings(this, props.alarms ?? {}, 'alarms.');
    const logRetention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    validateRetention(this, logRetention);
    warnComplianceRetention(this, logRetention);
    const { emails: alertEmails, ...routing } = props.recipients ?? {};
    validateEmails(this, alertEmails ?? [], 'recipients.emails');
    validateAlarmSources(this, props.crossAccountAlerts?.alarmSourceAccounts, props.crossAccountAlerts?.alarmSourceNamePrefix, 'crossAccountAlerts.',
      props.crossAccountAlerts?.alarmSourceOrganizationId);
    const audit = props.audit ?? {};
    validateExistingTrail(this, audit, props);
    if (audit.trailLogGroupRetention !== undefined) {
      validateRetention(this, audit.trailLogGroupRetention, 'audit.trailLogGroupRetention');
      warnComplianceRetention(this, audit.trailLogGroupRetention, 'audit.trailLogGroupRetention');
    }
    const removalPolicy = resolveStatefulRemovalPolicy(this, environment, props.removalPolicy);

    const naming = new PlatformNaming(props.projectName, environment);
    this.projectName = props.projectName;
    this.environment = environment;
    this.metricNamespace = naming.metricNamespace;
    this.alarmNamePrefix = naming.alarmNamePrefix;
    const identity = { projectName: props.projectName, environment };

    // 2. The key, with grants for every service that writes encrypted data for us.
    this.platformKey = new PlatformKey(this, 'Encryption', {
      ...props.crossAccountAlerts, ...identity, encryptionKey: props.encryptionKey, removalPolicy, regionInNames: props.regionInNames,
    });
    const encryptionKey = this.platformKey.key;

    // 3. Logs: one encrypted group per function, Batch, API access, platform events, CloudTrail.
    this.logging = new CentralLogging(this, 'Logging', {
      ...props.logging,
      ...identity,
      encryptionKey,
      logRetention,
      trailLogGroupRetention: audit.trailLogGroupRetention,
      existingTrailLogGroup: audit.existingTrailLogGroup,
      removalPolicy,
      ...lists,
    });
    warnImportedIdentifiers(this, model.localFunctions, model.httpApis);

    // 4. Audit: the trail streams into the CloudTrail group created above, or an existing trail's
    // group is read and nothing of the trail is created.
    // Either way the group is `logging.trailLogGroup` (created there, or the existing one passed through).
    const trailLogGroup = this.logging.trailLogGroup!;
    if (!audit.existingTrailLogGroup) {
      this.audit = new AuditTrail(this, 'Audit', {
        ...audit,
        ...identity,
        encryptionKey,
        trailLogGroup,
        removalPolicy,
        dataLakeBucket: props.dataLakeBucket,
        ...lists,
        regionInNames: props.regionInNames,
      });
    }

    // 5. Alerts: the encrypted topic, then every alarm (platform, security, ML) through one factory.
    this.alertTopic = new AlertTopic(this, 'Alerts', {
      ...props.crossAccountAlerts, ...identity, encryptionKey, emails: alertEmails,
    });
    const alertTopic = this.alertTopic.topic;
    // (Lists are checked by AlertRouting; a non-list is left to its message.)
    const listed = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
    const everyAlarmChannel = [
      ...listed(routing.slackChannels).map((c, i) => ({ c, prop: `recipients.slackChannels[${i}]` })),
      ...listed(routing.teamsChannels).map((c, i) => ({ c, prop: `recipients.teamsChannels[${i}]` })),
      ...listed(props.recipients?.existingChatChannels).map((c, i) => ({ c, prop: `recipients.existingChatChannels[${i}]` })),
    ].find(({ c }) => c && c.severity === undefined);
    if (props.alarms?.notifyAlertTopic === false && everyAlarmChannel) {
      throw validationError(this, `${everyAlarmChannel.prop} has no severity, so it subscribes to the alert topic, but `
        + 'alarms.notifyAlertTopic is false: no alarm would reach the channel. Set the channel\'s `severity` (one per '
        + 'channel), or leave notifyAlertTopic on.');
    }
    this.alertRouting = new AlertRouting(this, 'AlertRouting', {
      ...routing, ...identity, encryptionKey, alertTopic,
    });
    const routed = this.alertRouting.severityActions;
    this.alarms = new PlatformAlarms(this, 'Alarms', {
      ...props.alarms,
      ...identity,
      criticalActions: [...routed.criticalActions ?? [], ...props.alarms?.criticalActions ?? []],
      warningActions: [...routed.warningActions ?? [], ...props.alarms?.warningActions ?? []],
      alertTopic,
      ...lists,
      eventsLogGroup: this.logging.platformEventsLogGroup,
      trailLogGroup,
      mlComponents: props.mlComponents,
    });
    this.mlCatalog = new MlMetricCatalog({ namespace: this.metricNamespace, components: props.mlComponents });
    const a = this.alarms;

    // 6. Dashboards: they read metrics and alarms, and never create either.
    // A dashboard's first part shares this stack with the alarms: at most 500 metrics of it here.
    const dashboardOptions = {
      ...props.dashboards,
      regionInNames: props.regionInNames,
      firstPartMaxMetrics: props.dashboards?.firstPartMaxMetrics ?? PLATFORM_FIRST_PART_METRICS,
    };
    this.dataPipelineDashboard = new DataPipelineDashboard(this, 'DataPipelineDashboard', {
      ...dashboardOptions,
      ...identity,
      ...lists,
      batchLogGroups: [this.logging.batchLogGroup],
      eventCapture: props.alarms?.eventCapture,
      eventsLogGroup: this.logging.platformEventsLogGroup,
      alarms: a.dataPipelineAlarms,
    });
    this.apiPerformanceDashboard = new ApiPerformanceDashboard(this, 'ApiPerformanceDashboard', {
      ...dashboardOptions,
      ...identity,
      ...lists,
      lambdaLogGroups: this.logging.lambdaLogGroups,
      alarms: a.apiAlarms,
    });
    if (this.mlCatalog.components.length > 0) {
      this.mlPerformanceDashboard = new MlPerformanceDashboard(this, 'MlPerformanceDashboard', {
        ...props.dashboards,
        regionInNames: props.regionInNames,
        ...identity,
        mlComponents: this.mlCatalog.components,
        alarms: [...a.mlAlarms, ...a.mlAnomalyAlarms],
      });
    }

    // 7. Someone must hear the alarms: checked once every add* call is made (a subscription to the
    // alert topic added after this constructor counts).
    const notifiesTopic = props.alarms?.notifyAlertTopic !== false;
    const recipients = [
      notifiesTopic ? listed(alertEmails).length : 0, listed(props.alarms?.actions).length,
      listed(props.alarms?.criticalActions).length, listed(props.alarms?.warningActions).length,
      listed(routed.criticalActions).length, listed(routed.warningActions).length,
      listed(routing.slackChannels).length, listed(routing.teamsChannels).length,
      listed(props.recipients?.existingChatChannels).length,
    ].some((n) => n > 0);
    if (!recipients && environment !== DeploymentEnvironment.DEV && props.alarms?.allowNoRecipients !== true) {
      const topic = alertTopic;
      this.node.addValidation({
        validate: () => {
          if (notifiesTopic && topic.node.findAll().some((c) => c instanceof sns.CfnSubscription)) return [];
          const start = `No alarm of this ${environment} platform would notify anyone: `;
          return [notifiesTopic
            ? `${start}recipients (emails, criticalEmails, warningEmails, slackChannels, teamsChannels, existingChatChannels), `
              + 'alarms.actions, alarms.criticalActions and alarms.warningActions are all empty, and nothing subscribes to the alert topic. Add a '
              + 'recipient (e.g. recipients: { emails: [\'ops@example.com\'] }), or set alarms.allowNoRecipients: true if the alert topic '
              + 'reaches people another way.'
            : `${start}alarms.notifyAlertTopic is false, and recipients (criticalEmails, warningEmails, slackChannels, `
              + 'teamsChannels, existingChatChannels), alarms.actions, alarms.criticalActions and alarms.warningActions are all empty. Add a recipient '
              + 'there, or set alarms.allowNoRecipients: true if the alarms reach people another way.'];
        },
      });
    }

    // 8. One info message saying what was created and what it costs a month (counted at synth).
    addSynthSummary(this, () => ({ critical: a.criticalAlarms.length, warning: a.warningAlarms.length }));

    // 9. Tags on everything below this construct.
    Tags.of(this).add('Project', props.projectName);
    Tags.of(this).add('Environment', environment);
  }

  /**
   * Lets `grantee` publish custom metrics in the project namespace only
   * (`cloudwatch:PutMetricData` with the `cloudwatch:namespace` condition key).
   */
  public grantPutMetricData(grantee: iam.IGrantable): iam.Grant {
    return this.mlCatalog.grantPutMetricData(grantee);
  }

  /** The platform's access-log group as an API Gateway access-log destination. */
  public apiAccessLogDestination(): apigateway.IAccessLogDestination {
    return this.logging.apiAccessLogDestination();
  }
}

/**
 * `audit.existingTrailLogGroup` replaces the trail: every other `audit` option configures the trail
 * the platform would create, so setting one with it is refused rather than silently ignored.
 */
function validateExistingTrail(scope: Construct, audit: AuditOptions, props: PlatformMonitoringProps): void {
  if (!audit.existingTrailLogGroup) return;
  if (props.dataLakeBucket) {
    throw validationError(scope, 'dataLakeBucket adds an S3 data-event selector to the trail the platform creates, but '
      + 'audit.existingTrailLogGroup uses a trail that exists: add the bucket\'s data events to that trail yourself and '
      + 'remove dataLakeBucket, or remove existingTrailLogGroup.');
  }
  const others = Object.entries(audit)
    .filter(([k, v]) => k !== 'existingTrailLogGroup' && v !== undefined)
    .map(([k]) => `audit.${k}`);
  if (others.length > 0) {
    throw validationError(scope, 'audit.existingTrailLogGroup uses a trail that exists, so the platform creates none, but '
      + `${others.join(', ')} configure${others.length === 1 ? 's' : ''} the trail it would create: remove `
      + `${others.length === 1 ? 'it' : 'them'}, or remove existingTrailLogGroup to let the platform create its trail.`);
  }
}
