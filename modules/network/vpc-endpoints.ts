import { Construct } from 'constructs';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';

/**
 * Services reached privately, without the internet: Session Manager (ssm,
 * ssmmessages, ec2messages) so no SSH port is ever opened, CloudWatch Logs, KMS and
 * STS for the workloads and the remediation runbooks.
 */
export const INTERFACE_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'kms', 'sts'] as const;

export interface VpcEndpointsProps {
  readonly name: string;
  readonly region: string;
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Private subnets receiving the interface endpoints. */
  readonly subnetIds: readonly string[];
  /** Route tables of the private subnets (S3 gateway endpoint). */
  readonly routeTableIds: readonly string[];
  /** Interface endpoint services. @default INTERFACE_ENDPOINT_SERVICES */
  readonly services?: readonly string[];
  readonly provider?: VpcEndpoint['provider'];
}

/** Interface endpoints (private DNS, HTTPS from the VPC only) and the S3 gateway endpoint (PCI DSS 1.3.2, 1.4.1). */
export class VpcEndpoints extends Construct {
  readonly securityGroup: SecurityGroup;
  readonly interfaces: Record<string, VpcEndpoint> = {};
  readonly s3: VpcEndpoint;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    const provider = props.provider;
    // No inline rules: Terraform then also removes the default allow-all egress rule.
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: `${props.name}-endpoints`,
      description: 'HTTPS from the VPC to the interface endpoints',
      vpcId: props.vpcId,
      provider,
    });
    new VpcSecurityGroupIngressRule(this, 'https-from-vpc', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS from the VPC',
      ipProtocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
      provider,
    });
    for (const service of props.services ?? INTERFACE_ENDPOINT_SERVICES) {
      this.interfaces[service] = new VpcEndpoint(this, service, {
        vpcId: props.vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: 'Interface',
        privateDnsEnabled: true,
        subnetIds: [...props.subnetIds],
        securityGroupIds: [this.securityGroup.id],
        tags: { Name: `${props.name}-${service}` },
        provider,
      });
    }
    this.s3 = new VpcEndpoint(this, 's3', {
      vpcId: props.vpcId,
      serviceName: `com.amazonaws.${props.region}.s3`,
      vpcEndpointType: 'Gateway',
      routeTableIds: [...props.routeTableIds],
      tags: { Name: `${props.name}-s3` },
      provider,
    });
  }
}
