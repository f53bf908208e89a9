/**
 * The reference data kept in the repository (reference/): the AWS sample PCI DSS
 * conformance packs and the remediation research. Tests compare the catalog
 * against it; a missing copy fails loudly rather than skipping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPack } from '../../scripts/generate-catalog';

export const REFERENCE_DIR = resolve(process.env.PCI_REFERENCE_DIR ?? join(__dirname, '..', '..', 'reference'));

export function referenceFile(...parts: string[]): string {
  const file = join(REFERENCE_DIR, ...parts);
  if (!existsSync(file)) throw new Error(`reference file ${file} is missing; set PCI_REFERENCE_DIR to a reference folder`);
  return file;
}

const PACK_DIR = 'aws-config-conformance-packs';
export const v40Pack = () => readPack(referenceFile(PACK_DIR, 'Operational-Best-Practices-for-PCI-DSS-v4.0-including-global-resourcetypes.yaml'));
export const v40NoGlobalPack = () => readPack(referenceFile(PACK_DIR, 'Operational-Best-Practices-for-PCI-DSS-v4.0-excluding-global-resourcetypes.yaml'));
export const v321Pack = () => readPack(referenceFile(PACK_DIR, 'Operational-Best-Practices-for-PCI-DSS.yaml'));
export const research = (): { ruleName: string; sourceIdentifier: string; evidence: string[] }[] =>
  JSON.parse(readFileSync(referenceFile('research', 'remediation-catalog.json'), 'utf8'));
