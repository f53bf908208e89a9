import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { LogArchive } from '../modules/logging/log-archive';
import { addOrganizationTrail } from '../modules/logging/organization-trail';
import { FlowLogArchive } from '../modules/network/flow-log-archive';
import { AccountStack } from './account-stack';

/** Log archive and security tooling account. */
export class LoggingStack extends AccountStack {
  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('logging'));
    const logArchive = new LogArchive(this, 'log-archive', { names });
    this.baseline.config.deliverAfter(logArchive.configBucket.policy); // this account's Config delivers into its own bucket
    addOrganizationTrail(this, logArchive.key.arn, [logArchive.cloudTrailBucket.policy]); // unless logging.trailOwner is "management"
    // Access logs of every log bucket land in the archive's access log bucket (a reference: after its policy exists).
    const accessLogBucket = logArchive.accessLogBucket.policy.bucket;
    new FlowLogArchive(this, 'flow-log-archive', { names, accessLogBucket }); // VPC and firewall flow logs of every workload VPC
    this.addSecurityServices(accessLogBucket); // when the logging account is the delegated administrator (the default)
  }
}
