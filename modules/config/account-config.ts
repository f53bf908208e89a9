import { Construct } from 'constructs';
import { dependable, type ITerraformDependable } from 'cdktf';
import { IamServiceLinkedRole } from '@cdktf/provider-aws/lib/iam-service-linked-role';
import type { LandingZoneStack } from '../../stacks/landing-zone-stack';
import { ConfigRecorder, type ConfigRecorderProps } from './config-recorder';

export interface AccountConfigProps {
  /** The account stack: its account, regions, providers and names. */
  readonly stack: LandingZoneStack;
  /**
   * Create AWS Config's service-linked role. Set false in an account where it already
   * exists (created by an earlier Config setup), or the apply fails on a duplicate.
   * @default true
   */
  readonly createServiceLinkedRole?: boolean;
  /** Snapshot delivery frequency. @default "TwentyFour_Hours" */
  readonly snapshotFrequency?: ConfigRecorderProps['snapshotFrequency'];
}

/**
 * AWS Config in every region of the stack's account: the service-linked role (IAM is
 * global: once per account) and one recorder per region, global resource types
 * recorded in the home region only. Delivery goes to the log archive's Config bucket,
 * whose name comes from the naming module (no cross-stack reference).
 */
export class AccountConfig extends Construct {
  readonly serviceLinkedRole?: IamServiceLinkedRole;
  /** Recorders by region. */
  readonly recorders: Record<string, ConfigRecorder> = {};

  constructor(scope: Construct, id: string, props: AccountConfigProps) {
    super(scope, id);
    const stack = props.stack;
    const names = stack.names;
    if (props.createServiceLinkedRole ?? true) {
      this.serviceLinkedRole = new IamServiceLinkedRole(this, 'service-linked-role', {
        awsServiceName: 'config.amazonaws.com',
        description: 'AWS Config recorder (PCI DSS 10.2.1, 11.5.2)',
      });
    }
    for (const region of stack.regions) {
      this.recorders[region] = new ConfigRecorder(this, `recorder-${region}`, {
        name: names.configRecorderName,
        // Static ARN: the role's name is fixed by AWS; the dependency below orders creation.
        roleArn: names.configServiceLinkedRoleArn(stack.account.id),
        includeGlobalResourceTypes: region === stack.org.homeRegion,
        bucketName: names.configBucket,
        snapshotFrequency: props.snapshotFrequency,
        provider: stack.providerFor(region),
        dependsOn: this.serviceLinkedRole ? [this.serviceLinkedRole] : undefined,
      });
    }
  }

  /**
   * Makes every delivery channel wait for `resources`: in the log archive account the
   * Config bucket and its policy are created in the same apply as the channels.
   */
  deliverAfter(...resources: ITerraformDependable[]): void {
    for (const recorder of Object.values(this.recorders))
      recorder.deliveryChannel.dependsOn = [...(recorder.deliveryChannel.dependsOn ?? []), ...resources.map((r) => dependable(r))];
  }
}
