import type { AiActRole } from './ai-act.ids.js';
import type { Tier } from './ai-act.schema.js';

/*
 * What the Act asks of each role for a classified system (Regulation (EU) 2024/1689), summarised in our
 * own words with the article that says it. Pure: no I/O.
 */

export interface ObligationFacts {
  tier: Tier;
  role: AiActRole;
  /** High-risk through Art. 6(1) and Annex I. */
  annex1: boolean;
  /** The Annex III points that make the system high-risk (none when the Art. 6(3) derogation lifts them). */
  annex3: readonly string[];
  /** An Annex III system taken out of high-risk by Art. 6(3). */
  derogated: boolean;
  /** Art. 50 cases that apply (question ids). */
  transparency: readonly string[];
  gpai: { model: boolean; systemic_risk: boolean };
}

const LITERACY =
  'AI literacy: make sure the staff and others who operate or use the system on your behalf understand it well enough for their role (Art. 4).';

export function obligationsFor(facts: ObligationFacts): string[] {
  if (facts.tier === 'out_of_scope')
    return [
      'No obligations under the Act. Keep the reasons on record and classify again if the system or its use changes.',
    ];
  return [
    ...tierObligations(facts),
    ...transparencyObligations(facts.role, facts.transparency),
    ...gpaiObligations(facts.role, facts.gpai),
    LITERACY,
  ];
}

function tierObligations(facts: ObligationFacts): string[] {
  switch (facts.tier) {
    case 'prohibited':
      return [
        'Do not place on the market, put into service or use the system for the prohibited practice (Art. 5): stop that use, or change the system and classify it again.',
      ];
    case 'high':
      return highRiskObligations(facts);
    case 'limited':
    case 'minimal':
      return [
        ...(facts.derogated ? derogationObligations(facts.role) : []),
        ...(facts.tier === 'minimal'
          ? [
              'No specific obligations for minimal-risk systems; voluntary codes of conduct may apply (Art. 95).',
            ]
          : []),
      ];
    default:
      return [];
  }
}

function highRiskObligations(facts: ObligationFacts): string[] {
  switch (facts.role) {
    case 'provider':
      return providerHighRisk(facts);
    case 'deployer':
      return [...deployerHighRisk(facts), BECOMING_PROVIDER];
    case 'importer':
      return [
        'Before placing the system on the market, check that the provider carried out the conformity assessment, drew up the technical documentation, affixed the CE marking and appointed an authorised representative (Art. 23(1)).',
        'Do not place it on the market if you have reason to think it does not conform; inform the provider and the authorities of any risk (Art. 23(2)).',
        'Put your name and contact details on the system or its packaging, keep the certificate, declaration of conformity and instructions for use for 10 years, and cooperate with the authorities (Art. 23(3)–(7)).',
        BECOMING_PROVIDER,
      ];
    case 'distributor':
      return [
        'Before making the system available, check the CE marking, the EU declaration of conformity and the instructions for use, and that the provider and importer met their duties (Art. 24(1)).',
        'Do not make it available if you have reason to think it does not conform; take or ensure corrective action and inform the provider or importer and the authorities of any risk (Art. 24(2)–(4)).',
        BECOMING_PROVIDER,
      ];
  }
}

const BECOMING_PROVIDER =
  'If you put your name or trademark on the system, modify it substantially, or change its intended purpose so that it becomes high-risk, you become its provider with all provider duties (Art. 25(1)).';

function providerHighRisk(facts: ObligationFacts): string[] {
  const beyondPoint2 = facts.annex3.some((id) => id !== 'annex3.2');
  return [
    'Run a risk management system across the whole lifecycle of the system (Art. 9).',
    'Use training, validation and test data that is relevant, representative and examined for bias (Art. 10).',
    'Draw up technical documentation before placing the system on the market, and keep it up to date (Art. 11, Annex IV).',
    'Make the system record events automatically (logs) over its lifetime (Art. 12).',
    'Give deployers clear instructions for use (Art. 13).',
    'Design the system so that people can oversee it effectively (Art. 14).',
    'Achieve accuracy, robustness and cybersecurity suited to the purpose (Art. 15).',
    'Put your name and contact on the system, keep the documentation for 10 years and the logs under your control, take corrective action and cooperate with the authorities (Arts. 16, 18–21).',
    'Run a quality management system (Art. 17).',
    facts.annex1
      ? 'Follow the conformity assessment of the Annex I product legislation, covering these requirements too (Art. 43(3)); then draw up the EU declaration of conformity and affix the CE marking (Arts. 47–48).'
      : 'Carry out the conformity assessment before placing the system on the market (Art. 43); then draw up the EU declaration of conformity and affix the CE marking (Arts. 47–48).',
    ...(beyondPoint2
      ? [
          'Register the system in the EU database before placing it on the market or putting it into service (Art. 49(1)).',
        ]
      : []),
    ...(facts.annex3.includes('annex3.2')
      ? ['Register the critical-infrastructure system at national level (Art. 49(5)).']
      : []),
    'Monitor the system after placing it on the market (Art. 72) and report serious incidents to the market surveillance authority (Art. 73).',
  ];
}

function deployerHighRisk(facts: ObligationFacts): string[] {
  const annex3 = facts.annex3.length > 0;
  // Art. 27 and Art. 86 concern Annex III systems other than critical infrastructure (point 2).
  const beyondPoint2 = facts.annex3.some((id) => id !== 'annex3.2');
  return [
    "Use the system according to the provider's instructions for use, with suitable technical and organisational measures (Art. 26(1)).",
    'Assign human oversight to people with the competence, training, authority and support it needs (Art. 26(2)).',
    'Make sure input data under your control is relevant and sufficiently representative for the intended purpose (Art. 26(4)).',
    'Monitor the system; on a risk or a serious incident, inform the provider and the market surveillance authority and suspend its use (Art. 26(5)).',
    'Keep the logs the system generates, where they are under your control, for at least six months (Art. 26(6)).',
    'Before using the system at work, inform staff representatives and the staff concerned (Art. 26(7)).',
    "Use the provider's information to carry out a data protection impact assessment where one is required (Art. 26(9)).",
    ...(annex3
      ? ['Tell the people the system makes or helps make decisions about that it is used (Art. 26(11)).']
      : []),
    ...(beyondPoint2
      ? [
          'Carry out a fundamental rights impact assessment before first use and notify its results to the market surveillance authority (Art. 27): it is required of public bodies and of organisations providing public services, and for Annex III 5(b) and 5(c).',
          'Explain, on request, the role the system played in a decision that significantly affects a person (Art. 86).',
          'If you act as or for a public authority, check that the system is registered in the EU database and register your use of it (Art. 26(8), Art. 49(3)).',
        ]
      : []),
  ];
}

function derogationObligations(role: AiActRole): string[] {
  if (role === 'provider')
    return [
      'Document, before placing the system on the market or putting it into service, why this Annex III system is not high-risk, and give that assessment to the authorities on request (Art. 6(4)).',
      'Register the system in the EU database as an Annex III system assessed as not high-risk (Art. 49(2)).',
    ];
  return [
    "Keep the provider's written assessment that this Annex III system is not high-risk (Art. 6(4)) with this record, and classify again if its use changes.",
  ];
}

const TRANSPARENCY: Record<string, { provider: string; deployer: string; other: string }> = {
  'art50.1': {
    provider:
      'Design the system so that people are told they are interacting with an AI system, unless that is obvious from the context (Art. 50(1)).',
    deployer:
      'Check that people are told they are interacting with an AI system (a provider duty under Art. 50(1)) and keep that notice in place.',
    other:
      'Check that the system tells people they are interacting with an AI system (a provider duty under Art. 50(1)).',
  },
  'art50.2': {
    provider:
      'Mark generated audio, images, video and text in a machine-readable way so that they can be detected as AI-generated (Art. 50(2)).',
    deployer:
      'Check that generated content carries the machine-readable AI marking (a provider duty under Art. 50(2)) and do not remove it.',
    other:
      'Check that generated content carries the machine-readable AI marking (a provider duty under Art. 50(2)).',
  },
  'art50.3': {
    provider:
      'Give deployers what they need to inform the people exposed to emotion recognition or biometric categorisation (their duty under Art. 50(3)).',
    deployer:
      'Inform the people exposed to the emotion recognition or biometric categorisation, and process their personal data lawfully (Art. 50(3)).',
    other:
      'Deployers must inform the people exposed to emotion recognition or biometric categorisation (Art. 50(3)): pass the instructions that say so on to them.',
  },
  'art50.4': {
    provider:
      'Help deployers disclose deep fakes and AI-generated text on matters of public interest (their duty under Art. 50(4)), for example with built-in labels.',
    deployer:
      'Disclose that deep-fake images, audio or video are artificially generated or manipulated, and that text published to inform the public was AI-generated unless a person reviewed it under editorial responsibility (Art. 50(4)).',
    other:
      'Deployers must disclose deep fakes and AI-generated text on matters of public interest (Art. 50(4)): pass the instructions that say so on to them.',
  },
};

function transparencyObligations(role: AiActRole, cases: readonly string[]): string[] {
  if (cases.length === 0) return [];
  const lines = cases.map((id) => {
    const duty = TRANSPARENCY[id];
    if (!duty) return `Transparency duty ${id} (Art. 50).`;
    return role === 'provider' ? duty.provider : role === 'deployer' ? duty.deployer : duty.other;
  });
  return [
    ...lines,
    'Give this information clearly and accessibly, at the latest at the first interaction or exposure (Art. 50(5)).',
  ];
}

function gpaiObligations(role: AiActRole, gpai: ObligationFacts['gpai']): string[] {
  if (!gpai.model) return [];
  const record =
    'Record the general-purpose AI model the system uses and its provider; ask that provider for the information and documentation it must give downstream providers (Art. 53(1)(b)).';
  if (role !== 'provider')
    return [
      record,
      ...(gpai.systemic_risk
        ? [
            'The model carries systemic risk (Art. 51): check that its provider meets the duties of Art. 55 and follow its usage policies.',
          ]
        : []),
    ];
  return [
    'As provider of the general-purpose AI model: keep its technical documentation up to date for the AI Office and national authorities (Art. 53(1)(a), Annex XI).',
    'Give downstream providers the information and documentation they need to integrate the model (Art. 53(1)(b), Annex XII).',
    'Put in place a policy to comply with EU copyright law, including text-and-data-mining opt-outs (Art. 53(1)(c)).',
    'Publish a sufficiently detailed summary of the content used to train the model, on the AI Office template (Art. 53(1)(d)).',
    ...(gpai.systemic_risk
      ? [
          'Notify the European Commission within two weeks once the model meets the systemic-risk threshold (Art. 52(1)).',
          'Evaluate the model with state-of-the-art protocols, including adversarial testing (Art. 55(1)(a)).',
          'Assess and mitigate possible systemic risks at Union level (Art. 55(1)(b)).',
          'Track, document and report serious incidents and corrective measures to the AI Office (Art. 55(1)(c)).',
          'Ensure adequate cybersecurity for the model and its physical infrastructure (Art. 55(1)(d)).',
        ]
      : []),
    `If the model comes from another provider, the model duties above are theirs instead. ${record}`,
  ];
}
