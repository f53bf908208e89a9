import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountStack } from './account-stack';

/** Shared services account: the deploy pipeline. */
export class TransversalStack extends AccountStack {
  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('transversal'));
  }
}
