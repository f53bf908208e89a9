import { Construct } from 'constructs';
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import type { RegionalProvider } from './regional';

export interface OrganizationAccessAnalyzerProps {
  readonly region: RegionalProvider;
  readonly analyzerName: string;
}

/**
 * IAM Access Analyzer with the organization as zone of trust, in one region (PCI DSS
 * 1.3.1, 7.2.1): reports every resource policy that grants access to anyone outside it.
 */
export class OrganizationAccessAnalyzer extends Construct {
  readonly analyzer: AccessanalyzerAnalyzer;

  constructor(scope: Construct, id: string, props: OrganizationAccessAnalyzerProps) {
    super(scope, id);
    this.analyzer = new AccessanalyzerAnalyzer(this, 'analyzer', {
      analyzerName: props.analyzerName,
      type: 'ORGANIZATION',
      provider: props.region.provider,
    });
  }
}
