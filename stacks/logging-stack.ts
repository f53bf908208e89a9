import { Construct } from 'constructs';
import type { Naming } from '../accounts';
import { AccountStack } from './account-stack';

/** Log archive and security tooling account. */
export class LoggingStack extends AccountStack {
  constructor(scope: Construct, names: Naming) {
    super(scope, names, names.account('logging'));
  }
}
