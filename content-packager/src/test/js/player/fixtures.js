'use strict';
// Module data as ModuleData writes it into a page's #module-data (the packager/player contract), small: two
// objectives with two bank items each, two lessons, an attestation with its policy text.

const BASE = 'https://hipaa-training.org/';

function question(id, objective, type, correct) {
  return {id, iri: BASE + 'modules/privacy/questions/' + id, type, objective, scenario: null,
    prompt: 'Prompt of ' + id, choices: ['a', 'b', 'c', 'd'].map((c) => ({id: c, text: 'Choice ' + c + ' of ' + id})),
    correct, explanation: 'Because.', citation: '45 CFR 164.502(b)'};
}

function moduleData(format, changes) {
  const data = {
    format,
    packageVersion: '0123456789ab',
    roleId: 'front-desk',
    courseIri: BASE + 'courses/front-desk',
    vocabulary: {},
    module: {
      id: 'privacy', iri: BASE + 'modules/privacy', version: '2.1.0', title: 'Privacy basics',
      description: 'What PHI is and who may see it.', estimatedMinutes: 12, masteryScore: 0.8, itemsPerObjective: 1,
      objectives: [
        {id: 'phi', text: 'Recognise PHI', lessonId: 'what-phi-is', section: 'identifiers', sectionTitle: 'Identifiers'},
        {id: 'minimum', text: 'Share the minimum necessary', lessonId: 'minimum-necessary', section: null,
          sectionTitle: null}
      ],
      lessons: [
        {id: 'what-phi-is', iri: BASE + 'modules/privacy/lessons/what-phi-is', title: 'What PHI is', html: '<p>PHI</p>'},
        {id: 'minimum-necessary', iri: BASE + 'modules/privacy/lessons/minimum-necessary', title: 'Minimum necessary',
          html: '<p>Minimum</p>'}
      ],
      questions: [
        question('phi-1', 'phi', 'single', ['b']),
        question('phi-2', 'phi', 'single', ['c']),
        question('minimum-1', 'minimum', 'multiple', ['a', 'd']),
        question('minimum-2', 'minimum', 'single', ['a'])
      ],
      attestation: {iri: BASE + 'attestations/privacy-policy', policyId: 'privacy-policy', policyVersion: '3',
        sections: ['uses'], text: 'I will follow the privacy policy.',
        policy: {title: 'Privacy policy', version: '3', effectiveDate: '2027-01-01', html: '<p>Policy</p>'}}
    }
  };
  return Object.assign(data, changes || {});
}

module.exports = {moduleData, BASE};
