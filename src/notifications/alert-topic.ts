import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { AlarmSeverity } from './alarm-severity';
import { DeploymentEnvironment } from '../core/environment';
import { PlatformNaming } from '../core/naming';
import { validateEmails } from '../core/validation';
import { CrossAccountAlertOptions } from '../cross-account/cross-account-alert-options';
import { sourceAccountAlarmConditions, sourceOrganizationAlarmConditions, validateAlarmSources } from '../private/cross-account-policy';

/**
 * Properties of an `AlertTopic`.
 */
export interface AlertTopicProps extends CrossAccountAlertOptions {
  /** The project name: the topic is named `<projectName>-<environment>-alerts`. */
  readonly projectName: string;

  /**
   * The deployment environment (part of the topic name and of the alarm-name prefix trusted to publish).
   *
   * @default DeploymentEnvironment.PROD
   */
  readonly environment?: DeploymentEnvironment;

  /**
   * The customer-managed key encrypting the topic: the platform key (`PlatformKey.key`), whose policy
   * lets SNS and the platform's CloudWatch alarms use it. The AWS-managed `alias/aws/sns` key cannot
   * work: CloudWatch can never be granted its use, so alarm notifications would be dropped silently.
   */
  readonly encryptionKey: kms.IKey;

  /**
   * Email addresses to subscribe. Each recipient must confirm the subscription from the email AWS
   * sends after deployment; until then nothing is delivered to that address.
   *
   * @default - no subscriptions
   */
  readonly emails?: string[];

  /**
   * Make this the topic of one severity only: named `<projectName>-<environment>-alerts-critical`
   * (or `-warning`), for alarms routed by severity (`SeverityRoutingOptions`).
   *
   * @default - the platform's alert topic, `<projectName>-<environment>-alerts`
   */
  readonly severity?: AlarmSeverity;
}

/**
 * The platform's alert topic: SNS, encrypted with the platform key, SSL-only, with one email
 * subscription per address, and a topic policy that lets the platform's CloudWatch alarms publish.
 *
 * A topic policy replaces SNS's default policy (whose account-wide allow is what lets same-account
 * alarms publish). `enforceSSL` creates a policy, so this construct adds an explicit Allow for
 * `cloudwatch.amazonaws.com` `sns:Publish`, scoped by `aws:SourceAccount` and by `aws:SourceArn` to
 * alarms named with the platform prefix (`<project>-<env>-`).
 */
export class AlertTopic extends Construct {
  /** The statement id of the CloudWatch publish grant in the topic policy. */
  public static readonly CLOUDWATCH_PUBLISH_SID = 'AllowPlatformAlarmsToPublish';

  /** The statement id of the grant to source accounts' alarms (`alarmSourceAccounts`) in the topic policy. */
  public static readonly SOURCE_ACCOUNTS_PUBLISH_SID = 'AllowSourceAccountAlarmsToPublish';

  /** The statement id of the grant to the organization's alarms (`alarmSourceOrganizationId`) in the topic policy. */
  public static readonly SOURCE_ORGANIZATION_PUBLISH_SID = 'AllowSourceOrganizationAlarmsToPublish';

  /** The SNS topic. */
  public readonly topic: sns.ITopic;

  /** The alarm-name prefix trusted to publish. */
  public readonly alarmNamePrefix: string;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    const emails = props.emails ?? [];
    validateEmails(this, emails, 'emails');
    validateAlarmSources(this, props.alarmSourceAccounts, props.alarmSourceNamePrefix, '', props.alarmSourceOrganizationId);
    const naming = new PlatformNaming(props.projectName, props.environment ?? DeploymentEnvironment.PROD);
    const stack = Stack.of(this);
    this.alarmNamePrefix = naming.alarmNamePrefix;

    const topic = new sns.Topic(this, 'Topic', {
      topicName: props.severity ? `${naming.alertTopicName}-${props.severity.toLowerCase()}` : naming.alertTopicName,
      displayName: props.severity ? `${naming.stem} ${props.severity.toLowerCase()} alerts` : `${naming.stem} alerts`,
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });

    topic.addToResourcePolicy(new iam.PolicyStatement({
      sid: AlertTopic.CLOUDWATCH_PUBLISH_SID,
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [topic.topicArn],
      conditions: {
        // IAM User Guide, "AWS global condition context keys" (aws:SourceAccount, aws:SourceArn:
        // present when a service principal acts on behalf of a resource, here the alarm); Amazon SNS
        // Developer Guide, "Amazon SNS security best practices" (cross-service confused deputy
        // prevention) recommends both on service-principal statements of a topic policy.
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${naming.alarmNamePrefix}*` },
      },
    }));

    const sourceAccounts = props.alarmSourceAccounts ?? [];
    if (sourceAccounts.length > 0) {
      // The same grant as above for alarms of the source accounts. CloudWatch publishes a source
      // account's alarm notification as the service principal, with aws:SourceAccount and
      // aws:SourceArn of that alarm (see docs/many-accounts.md).
      topic.addToResourcePolicy(new iam.PolicyStatement({
        sid: AlertTopic.SOURCE_ACCOUNTS_PUBLISH_SID,
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: sourceAccountAlarmConditions(stack.partition, stack.region, sourceAccounts,
          props.alarmSourceNamePrefix ?? naming.alarmNamePrefix),
      }));
    }

    if (props.alarmSourceOrganizationId !== undefined) {
      // Alarms of any account of the organization, named with the trusted prefix, in this Region.
      topic.addToResourcePolicy(new iam.PolicyStatement({
        sid: AlertTopic.SOURCE_ORGANIZATION_PUBLISH_SID,
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: sourceOrganizationAlarmConditions(stack.partition, stack.region, props.alarmSourceOrganizationId,
          props.alarmSourceNamePrefix ?? naming.alarmNamePrefix),
      }));
    }

    for (const email of emails) {
      topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    this.topic = topic;
  }
}
