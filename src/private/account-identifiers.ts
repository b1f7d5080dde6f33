import { IdentifierRule } from './identifiers';

/*
 * Identifier rules of cross-account monitoring (OAM sinks and links, cross-account metrics and
 * alarm publishing). Not part of the public API.
 */

// AWS Account Management Reference Guide, "View AWS account identifiers": the account ID is a
// 12-digit number (leading zeros are part of it, so it must be passed as a string).
export const ACCOUNT_ID: IdentifierRule = {
  what: 'AWS account ID',
  pattern: /^\d{12}$/,
  form: '12 digits, leading zeros included (pass it as a string)',
  usedAs: 'policies and metrics compare the account ID exactly, so nothing from that account would ever match',
  arnOf: /^arn:aws[a-z-]*:iam::(\d{12}):root$/,
};

// AWS Organizations API reference, Organization: Id pattern ^o-[a-z0-9]{10,32}$.
export const SINK_ORGANIZATION_ID: IdentifierRule = {
  what: 'AWS Organizations id',
  pattern: /^o-[a-z0-9]{10,32}$/,
  form: '"o-" followed by 10-32 lowercase letters or digits',
  usedAs: 'the sink policy lets accounts link only when aws:PrincipalOrgID equals it, so no account could link',
};

// AWS Organizations API reference, Organization: Id pattern ^o-[a-z0-9]{10,32}$.
export const ALARM_ORGANIZATION_ID: IdentifierRule = {
  ...SINK_ORGANIZATION_ID,
  usedAs: 'the topic policy lets alarms publish only when aws:SourceOrgID equals it, so no alarm of the organization could notify',
};

// CloudWatch Observability Access Manager API reference, CreateSink / Sink: the sink ARN has the form
// arn:<partition>:oam:<region>:<account>:sink/<sink id>.
export const SINK_ARN: IdentifierRule = {
  what: 'OAM sink ARN',
  pattern: /^arn:aws[a-z-]*:oam:[a-z0-9-]+:\d{12}:sink\/[A-Za-z0-9_.-]+$/,
  form: 'arn:<partition>:oam:<region>:<account>:sink/<sink id>, as `MonitoringAccountSink.sinkArn` or the console shows it',
  usedAs: 'the link is created against that sink, so the deployment would fail',
};

/** The account of an OAM sink ARN, or undefined if the ARN is a token or has another form. */
export function sinkArnParts(arn: string): { region: string; account: string } | undefined {
  const m = /^arn:aws[a-z-]*:oam:([a-z0-9-]+):(\d{12}):sink\//.exec(arn);
  return m ? { region: m[1], account: m[2] } : undefined;
}
