/**
 * The security events watched on the organization trail's log group, as data: one
 * entry per alarm, with its CloudWatch Logs filter pattern, the CIS AWS Foundations
 * Benchmark control it implements (v3.0 section 4, numbered 3.x in v1.2) and the
 * PCI DSS v4.0.1 requirements it supports. Every alarm also serves 10.4.1.1
 * (automated mechanisms perform audit log reviews).
 */

/** One watched security event. */
export interface SecurityEvent {
  /** Stable id: metric, filter and alarm names derive from it (Terraform addresses too). */
  readonly id: string;
  /** What the alarm means, for the alarm description and the evidence docs. */
  readonly title: string;
  /** CIS AWS Foundations Benchmark v3.0 control, when the event is one of its. */
  readonly cis?: string;
  /** PCI DSS v4.0.1 requirements the alarm supports. */
  readonly pci: readonly string[];
  /** CloudWatch Logs filter pattern on CloudTrail JSON events. */
  readonly pattern: string;
  /** API calls named in the pattern, by event source; tests check each exists in the AWS API models. */
  readonly apiCalls?: { readonly eventSource: string; readonly eventNames: readonly string[] };
}

/** `{ ($.eventSource = "s") && (($.eventName = "a") || ...) }`: the source too, so a same-named call of another service does not match. */
function callsPattern(eventSource: string, eventNames: readonly string[]): string {
  const names = eventNames.map((n) => `($.eventName = "${n}")`).join(' || ');
  return `{ ($.eventSource = "${eventSource}") && (${names}) }`;
}

/** An event defined by the API calls it watches. */
function calls(entry: Omit<SecurityEvent, 'pattern' | 'apiCalls'>, eventSource: string, eventNames: readonly string[]): SecurityEvent {
  return { ...entry, pattern: callsPattern(eventSource, eventNames), apiCalls: { eventSource, eventNames } };
}

const REVIEW = '10.4.1.1';

export const SECURITY_EVENTS: readonly SecurityEvent[] = [
  {
    id: 'unauthorized-api-calls',
    title: 'Unauthorized API calls',
    cis: '4.1',
    pci: ['10.2.1.4', REVIEW],
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    id: 'console-signin-without-mfa',
    title: 'Console sign-in without MFA',
    cis: '4.2',
    pci: ['10.2.1.2', '10.2.1.4', REVIEW],
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: 'root-account-usage',
    title: 'Use of the root user',
    cis: '4.3',
    pci: ['10.2.1.2', REVIEW],
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  calls({ id: 'iam-policy-changes', title: 'IAM policy changes', cis: '4.4', pci: ['10.2.1.5', REVIEW] }, 'iam.amazonaws.com', [
    'DeleteGroupPolicy',
    'DeleteRolePolicy',
    'DeleteUserPolicy',
    'PutGroupPolicy',
    'PutRolePolicy',
    'PutUserPolicy',
    'CreatePolicy',
    'DeletePolicy',
    'CreatePolicyVersion',
    'DeletePolicyVersion',
    'SetDefaultPolicyVersion',
    'AttachRolePolicy',
    'DetachRolePolicy',
    'AttachUserPolicy',
    'DetachUserPolicy',
    'AttachGroupPolicy',
    'DetachGroupPolicy',
  ]),
  calls({ id: 'cloudtrail-changes', title: 'CloudTrail configuration changes', cis: '4.5', pci: ['10.2.1.6', '10.7.2', REVIEW] }, 'cloudtrail.amazonaws.com', [
    'CreateTrail',
    'UpdateTrail',
    'DeleteTrail',
    'StartLogging',
    'StopLogging',
    'PutEventSelectors',
  ]),
  {
    id: 'console-authentication-failures',
    title: 'Console authentication failures',
    cis: '4.6',
    pci: ['10.2.1.4', REVIEW],
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }',
  },
  calls({ id: 'kms-key-disabled-or-deleted', title: 'Customer managed keys disabled or scheduled for deletion', cis: '4.7', pci: ['10.2.1.7', REVIEW] }, 'kms.amazonaws.com', [
    'DisableKey',
    'ScheduleKeyDeletion',
  ]),
  calls({ id: 's3-bucket-policy-changes', title: 'S3 bucket policy changes', cis: '4.8', pci: ['10.2.1.7', REVIEW] }, 's3.amazonaws.com', [
    'PutBucketAcl',
    'PutBucketPolicy',
    'PutBucketCors',
    'PutBucketLifecycle',
    'PutBucketReplication',
    'DeleteBucketPolicy',
    'DeleteBucketCors',
    'DeleteBucketLifecycle',
    'DeleteBucketReplication',
  ]),
  calls({ id: 'config-changes', title: 'AWS Config configuration changes', cis: '4.9', pci: ['10.2.1.6', '10.7.2', REVIEW] }, 'config.amazonaws.com', [
    'StopConfigurationRecorder',
    'DeleteDeliveryChannel',
    'PutDeliveryChannel',
    'PutConfigurationRecorder',
  ]),
  calls(
    { id: 'security-group-changes', title: 'Security group changes', cis: '4.10', pci: ['10.2.1.7', REVIEW] },
    'ec2.amazonaws.com',
    ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateSecurityGroup', 'DeleteSecurityGroup'],
  ),
  calls(
    { id: 'nacl-changes', title: 'Network ACL changes', cis: '4.11', pci: ['10.2.1.7', REVIEW] },
    'ec2.amazonaws.com',
    ['CreateNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAcl', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation'],
  ),
  calls(
    { id: 'network-gateway-changes', title: 'Network gateway changes', cis: '4.12', pci: ['10.2.1.7', REVIEW] },
    'ec2.amazonaws.com',
    ['CreateCustomerGateway', 'DeleteCustomerGateway', 'AttachInternetGateway', 'CreateInternetGateway', 'DeleteInternetGateway', 'DetachInternetGateway'],
  ),
  calls({ id: 'route-table-changes', title: 'Route table changes', cis: '4.13', pci: ['10.2.1.7', REVIEW] }, 'ec2.amazonaws.com', [
    'CreateRoute',
    'CreateRouteTable',
    'ReplaceRoute',
    'ReplaceRouteTableAssociation',
    'DeleteRouteTable',
    'DeleteRoute',
    'DisassociateRouteTable',
  ]),
  calls(
    { id: 'vpc-changes', title: 'VPC changes', cis: '4.14', pci: ['10.2.1.7', REVIEW] },
    'ec2.amazonaws.com',
    [
      'CreateVpc',
      'DeleteVpc',
      'ModifyVpcAttribute',
      'AcceptVpcPeeringConnection',
      'CreateVpcPeeringConnection',
      'DeleteVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'AttachClassicLinkVpc',
      'DetachClassicLinkVpc',
      'DisableVpcClassicLink',
      'EnableVpcClassicLink',
    ],
  ),
  calls({ id: 'organizations-changes', title: 'AWS Organizations changes', cis: '4.15', pci: ['10.2.1.5', '10.2.1.7', REVIEW] }, 'organizations.amazonaws.com', [
    'AcceptHandshake',
    'AttachPolicy',
    'CreateAccount',
    'CreateOrganizationalUnit',
    'CreatePolicy',
    'DeclineHandshake',
    'DeleteOrganization',
    'DeleteOrganizationalUnit',
    'DeletePolicy',
    'DetachPolicy',
    'DisablePolicyType',
    'EnablePolicyType',
    'InviteAccountToOrganization',
    'LeaveOrganization',
    'MoveAccount',
    'RemoveAccountFromOrganization',
    'UpdatePolicy',
    'UpdateOrganizationalUnit',
  ]),
];

/**
 * Any API call made by a break-glass session, in any account and region (PCI DSS
 * 10.2.1.2: actions by administrative access). The organization trail receives the
 * global services' events (IAM, STS, Organizations) too, which per-region EventBridge
 * rules in the member accounts only see in us-east-1.
 */
export function breakGlassEvent(roleName: string): SecurityEvent {
  return {
    id: 'break-glass-role-used',
    title: `Break-glass role ${roleName} used`,
    pci: ['10.2.1.2', '8.6.1', REVIEW],
    pattern: `{ $.userIdentity.sessionContext.sessionIssuer.userName = "${roleName}" }`,
  };
}
