/** The library of our SSM Automation documents, by id. */
import type { AutomationDocument } from '../model';
import { blockPublicEbsSnapshots } from './block-public-ebs-snapshots';
import { blockPublicEmrClusters } from './block-public-emr-clusters';
import { cancelKmsKeyDeletion } from './cancel-kms-key-deletion';
import type { DocumentContext } from './context';
import { disableTransitGatewayAutoAccept } from './disable-transit-gateway-auto-accept';
import { enableCodeBuildCloudWatchLogs } from './enable-codebuild-cloudwatch-logs';
import { enableEcrImageScanOnPush } from './enable-ecr-image-scan-on-push';
import { enableEksControlPlaneLogging } from './enable-eks-control-plane-logging';
import { enableElastiCacheBackups } from './enable-elasticache-backups';
import { enableMacie } from './enable-macie';
import { enableMqAuditLogs } from './enable-mq-audit-logs';
import { enableRdsClusterIamAuthentication, enableRdsInstanceIamAuthentication } from './enable-rds-iam-authentication';
import { enableElasticsearchDomainLogs, enableOpenSearchDomainLogs } from './enable-search-domain-logs';
import { enableS3BucketReplication } from './enable-s3-bucket-replication';
import { enableVpcFlowLogs } from './enable-vpc-flow-logs';
import { encryptCodeBuildS3Logs } from './encrypt-codebuild-s3-logs';
import { makeSsmDocumentPrivate } from './make-ssm-document-private';
import { enableS3BucketLogging, setApiGatewayEndpointType } from './manual-documents';
import {
  disableEksPublicEndpoint,
  disableS3BucketAcls,
  enableBeanstalkManagedUpdates,
  enableMacieAutomatedDiscovery,
  enableOpenSearchNodeToNodeEncryption,
  restrictTransferServerToSftp,
} from './manual-network-documents';
import { allowRedshiftVersionUpgrade, enableRedshiftAuditLogging } from './redshift';
import { removeLambdaPublicAccess } from './remove-lambda-public-access';
import { removePublicDocDbSnapshotAccess, removePublicNeptuneSnapshotAccess } from './remove-public-cluster-snapshot-access';
import { setLogGroupRetention } from './set-log-group-retention';

export type { DocumentContext } from './context';

/** Ids of our documents (a binding names one of these, or an AWS-owned runbook). */
export const OWN_DOCUMENT_IDS = [
  'AllowRedshiftVersionUpgrade',
  'BlockPublicEbsSnapshots',
  'BlockPublicEmrClusters',
  'CancelKmsKeyDeletion',
  'DisableEksPublicEndpoint',
  'DisableS3BucketAcls',
  'DisableTransitGatewayAutoAccept',
  'EnableBeanstalkManagedUpdates',
  'EnableCodeBuildCloudWatchLogs',
  'EnableEcrImageScanOnPush',
  'EnableEksControlPlaneLogging',
  'EnableElastiCacheBackups',
  'EnableElasticsearchDomainLogs',
  'EnableMacie',
  'EnableMacieAutomatedDiscovery',
  'EnableMqAuditLogs',
  'EnableOpenSearchDomainLogs',
  'EnableOpenSearchNodeToNodeEncryption',
  'EnableRdsClusterIamAuthentication',
  'EnableRdsInstanceIamAuthentication',
  'EnableRedshiftAuditLogging',
  'EnableS3BucketLogging',
  'EnableS3BucketReplication',
  'EnableVpcFlowLogs',
  'EncryptCodeBuildS3Logs',
  'MakeSsmDocumentPrivate',
  'RemoveLambdaPublicAccess',
  'RemovePublicDocDbSnapshotAccess',
  'RemovePublicNeptuneSnapshotAccess',
  'RestrictTransferServerToSftp',
  'SetApiGatewayEndpointType',
  'SetLogGroupRetention',
] as const;

export type OwnDocumentId = (typeof OWN_DOCUMENT_IDS)[number];

/** Whether a binding's document is one of ours (else an AWS-owned runbook). */
export function isOwnDocument(id: string): id is OwnDocumentId {
  return (OWN_DOCUMENT_IDS as readonly string[]).includes(id);
}

/** Every document of the library, for one organization. */
export function ownDocuments(ctx: DocumentContext): AutomationDocument[] {
  return [
    allowRedshiftVersionUpgrade(),
    blockPublicEbsSnapshots(),
    blockPublicEmrClusters(),
    cancelKmsKeyDeletion(),
    disableEksPublicEndpoint(),
    disableS3BucketAcls(),
    disableTransitGatewayAutoAccept(),
    enableBeanstalkManagedUpdates(),
    enableCodeBuildCloudWatchLogs(),
    enableEcrImageScanOnPush(),
    enableEksControlPlaneLogging(),
    enableElastiCacheBackups(),
    enableElasticsearchDomainLogs(ctx),
    enableMacie(),
    enableMacieAutomatedDiscovery(),
    enableMqAuditLogs(),
    enableOpenSearchDomainLogs(ctx),
    enableOpenSearchNodeToNodeEncryption(),
    enableRdsClusterIamAuthentication(),
    enableRdsInstanceIamAuthentication(),
    enableRedshiftAuditLogging(),
    enableS3BucketLogging(),
    enableS3BucketReplication(),
    enableVpcFlowLogs(ctx),
    encryptCodeBuildS3Logs(),
    makeSsmDocumentPrivate(),
    removeLambdaPublicAccess(),
    removePublicDocDbSnapshotAccess(),
    removePublicNeptuneSnapshotAccess(),
    restrictTransferServerToSftp(),
    setApiGatewayEndpointType(),
    setLogGroupRetention(),
  ];
}
