import { Construct } from 'constructs';
import type { ITerraformDependable } from 'cdktf';
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';

export interface ConfigRecorderProps {
  /** Recorder and delivery channel name. */
  readonly name: string;
  /** Role the recorder uses: AWS Config's service-linked role (must exist first). */
  readonly roleArn: string;
  /**
   * Record global resource types (IAM users, groups, roles, policies). True in the home region
   * only: recording them in every region duplicates items and cost.
   */
  readonly includeGlobalResourceTypes: boolean;
  /** Central Config bucket (log archive account) receiving history and snapshots. */
  readonly bucketName: string;
  /** Key prefix in the bucket. @default none: AWS Config's own AWSLogs/<account>/Config/<region>/ layout */
  readonly keyPrefix?: string;
  /**
   * KMS key ARN (a key ARN, not an alias: the API documents a key ARN) Config encrypts delivered objects with.
   * @default none: the bucket's default SSE-KMS encryption (the log archive key) applies
   */
  readonly kmsKeyArn?: string;
  /** How often Config delivers a configuration snapshot. @default "TwentyFour_Hours" */
  readonly snapshotFrequency?: 'One_Hour' | 'Three_Hours' | 'Six_Hours' | 'Twelve_Hours' | 'TwentyFour_Hours';
  /** Provider of the region. @default the stack's default provider */
  readonly provider?: AwsProvider;
  /** Resources the recorder waits for (the service-linked role). @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * AWS Config in one region of one account: a recorder of every supported resource
 * type, a delivery channel to the central Config bucket, and the recorder started.
 * Config history is the evidence of configuration changes (PCI DSS 10.2.1, 11.5.2)
 * and the input of the conformance packs (PCI DSS 1.2.7, 2.2, 12.4.2).
 */
export class ConfigRecorder extends Construct {
  readonly recorder: ConfigConfigurationRecorder;
  readonly deliveryChannel: ConfigDeliveryChannel;
  readonly status: ConfigConfigurationRecorderStatus;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const provider = props.provider;
    this.recorder = new ConfigConfigurationRecorder(this, 'recorder', {
      name: props.name,
      roleArn: props.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: props.includeGlobalResourceTypes },
      // Continuous recording: every change is evidence; daily recording would miss intermediate states.
      recordingMode: { recordingFrequency: 'CONTINUOUS' },
      provider,
      dependsOn: props.dependsOn,
    });
    // PutDeliveryChannel needs an existing recorder.
    this.deliveryChannel = new ConfigDeliveryChannel(this, 'delivery-channel', {
      name: props.name,
      s3BucketName: props.bucketName,
      s3KeyPrefix: props.keyPrefix,
      s3KmsKeyArn: props.kmsKeyArn,
      snapshotDeliveryProperties: { deliveryFrequency: props.snapshotFrequency ?? 'TwentyFour_Hours' },
      provider,
      dependsOn: [this.recorder],
    });
    // StartConfigurationRecorder needs a delivery channel.
    this.status = new ConfigConfigurationRecorderStatus(this, 'status', {
      name: this.recorder.name,
      isEnabled: true,
      provider,
      dependsOn: [this.deliveryChannel],
    });
  }
}
