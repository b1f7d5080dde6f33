import * as apigateway from 'aws-cdk-lib/aws-apigateway';

const F = apigateway.AccessLogField;

/**
 * The fields of the platform's API Gateway access-log lines, in order. Values that API Gateway
 * always fills with a number (`status`, `responseLatency`) are written unquoted so Logs Insights
 * can compare them as numbers; values that may be `-` are quoted so every line stays valid JSON.
 */
const QUOTED_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['requestId', F.contextRequestId()],
  ['extendedRequestId', F.contextExtendedRequestId()],
  ['requestTime', F.contextRequestTime()],
  ['httpMethod', F.contextHttpMethod()],
  ['resourcePath', F.contextResourcePath()],
  ['path', F.contextPath()],
  ['stage', F.contextStage()],
  ['protocol', F.contextProtocol()],
  ['sourceIp', F.contextIdentitySourceIp()],
  ['userAgent', F.contextIdentityUserAgent()],
  ['caller', F.contextIdentityCaller()],
  ['user', F.contextIdentityUser()],
  ['responseLength', F.contextResponseLength()],
  ['integrationLatency', F.contextIntegrationLatency()],
  ['integrationStatus', F.contextIntegrationStatus()],
  ['xrayTraceId', F.contextXrayTraceId()],
];

const NUMERIC_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['status', F.contextStatus()],
  ['responseLatency', F.contextResponseLatency()],
];

/** The access-log format string (one JSON object per request). */
export function apiAccessLogFormatString(): string {
  const parts = [
    ...QUOTED_FIELDS.map(([key, value]) => `"${key}":"${value}"`),
    ...NUMERIC_FIELDS.map(([key, value]) => `"${key}":${value}`),
    // `messageString` is already quoted (and escaped) by API Gateway.
    `"errorMessage":${F.contextErrorMessageString()}`,
  ];
  return `{${parts.join(',')}}`;
}

/** Field names the saved "slow API requests" query reads. */
export const API_ACCESS_LOG_FIELDS = {
  requestId: 'requestId',
  httpMethod: 'httpMethod',
  resourcePath: 'resourcePath',
  status: 'status',
  responseLatency: 'responseLatency',
  integrationLatency: 'integrationLatency',
  sourceIp: 'sourceIp',
} as const;
