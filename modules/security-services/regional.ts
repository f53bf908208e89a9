import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';

/** A region and the provider that deploys into it (the stack's `providerFor(region)`). */
export interface RegionalProvider {
  readonly region: string;
  readonly provider: AwsProvider;
}
