import { Construct } from 'constructs';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';

export interface LockTableProps {
  /** Table name (from the naming module). */
  readonly tableName: string;
  /** ARN of the customer managed KMS key for server-side encryption. */
  readonly kmsKeyArn: string;
}

/**
 * The DynamoDB table Terraform's S3 backend locks state with: hash key LockID,
 * on-demand capacity, point-in-time recovery, SSE with a customer managed key,
 * deletion protection, and protection from `terraform destroy`.
 */
export class LockTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: LockTableProps) {
    super(scope, id);
    this.table = new DynamodbTable(this, 'table', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'LockID',
      attribute: [{ name: 'LockID', type: 'S' }],
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: props.kmsKeyArn },
      deletionProtectionEnabled: true,
      lifecycle: { preventDestroy: true },
    });
  }
}
