/**
 * The PCI DSS v4.0.1 requirements at the level an assessor reads a coverage
 * matrix: the twelve principal requirements and their second-level sections.
 * The evidence pack maps every section to the platform's preventive controls,
 * detective rules and remediations, and lists the sections the platform does not
 * address (people, process, physical) as such.
 */

export interface PciSection {
  /** "8.3" */
  readonly id: string;
  readonly title: string;
  /** Why a cloud platform cannot satisfy it by configuration, when that is so. */
  readonly outsidePlatform?: string;
}

const PROCESS = 'documented policies, roles and responsibilities (people and process)';

export const PCI_SECTIONS: readonly PciSection[] = [
  { id: '1.1', title: 'Processes and mechanisms for network security controls are defined and understood', outsidePlatform: PROCESS },
  { id: '1.2', title: 'Network security controls are configured and maintained' },
  { id: '1.3', title: 'Network access to and from the CDE is restricted' },
  { id: '1.4', title: 'Network connections between trusted and untrusted networks are controlled' },
  { id: '1.5', title: 'Risks from devices connecting to both untrusted networks and the CDE are mitigated', outsidePlatform: 'end-user devices are outside the AWS organization' },
  { id: '2.1', title: 'Processes and mechanisms for secure configurations are defined and understood', outsidePlatform: PROCESS },
  { id: '2.2', title: 'System components are configured and managed securely' },
  { id: '2.3', title: 'Wireless environments are configured and managed securely', outsidePlatform: 'no wireless networks in AWS' },
  { id: '3.1', title: 'Processes and mechanisms for protecting stored account data are defined and understood', outsidePlatform: PROCESS },
  { id: '3.2', title: 'Storage of account data is kept to a minimum', outsidePlatform: 'data retention of the payment applications' },
  { id: '3.3', title: 'Sensitive authentication data is not stored after authorization', outsidePlatform: 'behaviour of the payment applications' },
  { id: '3.4', title: 'Access to displays of full PAN and ability to copy PAN is restricted', outsidePlatform: 'behaviour of the payment applications' },
  { id: '3.5', title: 'PAN is secured wherever it is stored' },
  { id: '3.6', title: 'Cryptographic keys used to protect stored account data are secured' },
  { id: '3.7', title: 'Key management processes cover the key lifecycle' },
  { id: '4.1', title: 'Processes and mechanisms for protecting data in transmission are defined and understood', outsidePlatform: PROCESS },
  { id: '4.2', title: 'PAN is protected with strong cryptography during transmission' },
  { id: '5.1', title: 'Processes and mechanisms for protecting against malware are defined and understood', outsidePlatform: PROCESS },
  { id: '5.2', title: 'Malware is prevented, or detected and addressed' },
  { id: '5.3', title: 'Anti-malware mechanisms are active, maintained and monitored' },
  { id: '5.4', title: 'Anti-phishing mechanisms protect users against phishing attacks', outsidePlatform: 'email and end-user protection' },
  { id: '6.1', title: 'Processes and mechanisms for secure systems and software are defined and understood', outsidePlatform: PROCESS },
  { id: '6.2', title: 'Bespoke and custom software is developed securely', outsidePlatform: 'secure development of the payment applications' },
  { id: '6.3', title: 'Security vulnerabilities are identified and addressed' },
  { id: '6.4', title: 'Public-facing web applications are protected against attacks' },
  { id: '6.5', title: 'Changes to all system components are managed securely' },
  { id: '7.1', title: 'Processes and mechanisms for restricting access are defined and understood', outsidePlatform: PROCESS },
  { id: '7.2', title: 'Access to system components and data is appropriately defined and assigned' },
  { id: '7.3', title: 'Access is managed via an access control system' },
  { id: '8.1', title: 'Processes and mechanisms for identification and authentication are defined and understood', outsidePlatform: PROCESS },
  { id: '8.2', title: 'User identification and accounts are strictly managed throughout their lifecycle' },
  { id: '8.3', title: 'Strong authentication for users and administrators is established and managed' },
  { id: '8.4', title: 'MFA is implemented to secure access into the CDE' },
  { id: '8.5', title: 'MFA systems are configured to prevent misuse' },
  { id: '8.6', title: 'Use of application and system accounts is strictly managed' },
  { id: '9.1', title: 'Processes and mechanisms for restricting physical access are defined and understood', outsidePlatform: 'physical security (AWS is responsible for its data centres)' },
  { id: '9.2', title: 'Physical access controls manage entry into facilities', outsidePlatform: 'physical security (AWS is responsible for its data centres)' },
  { id: '9.3', title: 'Physical access for personnel and visitors is authorized and managed', outsidePlatform: 'physical security (AWS is responsible for its data centres)' },
  { id: '9.4', title: 'Media with cardholder data is securely stored, accessed, distributed and destroyed', outsidePlatform: 'physical media (AWS is responsible for its storage media)' },
  { id: '9.5', title: 'Point-of-interaction devices are protected from tampering', outsidePlatform: 'card-present devices' },
  { id: '10.1', title: 'Processes and mechanisms for logging and monitoring are defined and understood', outsidePlatform: PROCESS },
  { id: '10.2', title: 'Audit logs support the detection of anomalies and forensic analysis' },
  { id: '10.3', title: 'Audit logs are protected from destruction and unauthorized modification' },
  { id: '10.4', title: 'Audit logs are reviewed to identify anomalies or suspicious activity' },
  { id: '10.5', title: 'Audit log history is retained and available for analysis' },
  { id: '10.6', title: 'Time-synchronization mechanisms support consistent time settings', outsidePlatform: 'AWS services use the Amazon Time Sync Service; instance configuration belongs to the workloads' },
  { id: '10.7', title: 'Failures of critical security control systems are detected, reported and responded to' },
  { id: '11.1', title: 'Processes and mechanisms for security testing are defined and understood', outsidePlatform: PROCESS },
  { id: '11.2', title: 'Wireless access points are identified and monitored', outsidePlatform: 'no wireless networks in AWS' },
  { id: '11.3', title: 'External and internal vulnerabilities are regularly identified and addressed' },
  { id: '11.4', title: 'Penetration testing is regularly performed', outsidePlatform: 'penetration tests by a qualified tester' },
  { id: '11.5', title: 'Network intrusions and unexpected file changes are detected and responded to' },
  { id: '11.6', title: 'Unauthorized changes on payment pages are detected and responded to', outsidePlatform: 'payment page scripts of the applications' },
  { id: '12.1', title: 'An information security policy is known and current', outsidePlatform: PROCESS },
  { id: '12.2', title: 'Acceptable use policies for end-user technologies are defined and implemented', outsidePlatform: PROCESS },
  { id: '12.3', title: 'Risks to the CDE are formally identified, evaluated and managed' },
  { id: '12.4', title: 'PCI DSS compliance is managed', outsidePlatform: PROCESS },
  { id: '12.5', title: 'PCI DSS scope is documented and validated' },
  { id: '12.6', title: 'Security awareness education is an ongoing activity', outsidePlatform: 'training of personnel' },
  { id: '12.7', title: 'Personnel are screened to reduce insider threats', outsidePlatform: 'human resources' },
  { id: '12.8', title: 'Risk from third-party service providers is managed', outsidePlatform: 'vendor management (AWS provides its PCI DSS AOC through AWS Artifact)' },
  { id: '12.9', title: 'Third-party service providers support their customers’ PCI DSS compliance', outsidePlatform: 'applies to service providers' },
  { id: '12.10', title: 'Suspected and confirmed security incidents are responded to immediately', outsidePlatform: 'incident response plan (the platform supplies alarms and findings)' },
];

/** The second-level section of a requirement id: "8.3.6" -> "8.3". */
export function sectionOf(requirement: string): string {
  return requirement.split('.').slice(0, 2).join('.');
}
