import { errorResponse, example, idParam, reasonBody, secured } from '../../platform/http/openapi.ts';
import { searchPaths } from '../search/openapi.ts';
import {
  exportCsvExample,
  exportJsonExample,
  organisationExample,
  organisationInputExample,
  organisationPatchExample,
  pendingRevisionExample,
  returnExample,
  revisionReturnExample,
  searchResultExample,
} from './openapi-examples.ts';
import { decidedRevisionResponse, orgResponse, revisedOrgResponse, writeErrors } from './openapi-schemas.ts';
import { organisationKind } from './searchable.ts';

export { organisation, organisationInput, pendingRevision } from './openapi-schemas.ts';

/** The organisations' paths of the OpenAPI document: search, export, profiles and their review. */
export function organisationPaths() {
  const search = searchPaths(organisationKind, {
    schema: 'Organisation',
    name: 'Organisations',
    search: {
      summary: 'Search published organisations, with facet counts',
      description:
        'Full-text search (name and acronym weigh most, then keywords and sectors, then the description; accents ' +
        'are folded and misspelt words corrected) with facets. Repeating a facet parameter means OR within that ' +
        'facet; different facets combine with AND. Each facet is counted under all the other active filters, so ' +
        'its values show how many results choosing them would give. Unknown codes answer 400 naming the parameter.',
      example: searchResultExample,
    },
    export: {
      csv: {
        summary: 'Export the directory as CSV (open data), honouring the search parameters',
        description:
          'Streams every published organisation the search finds, in name order, with the columns of the ' +
          'Organisation schema plus `external_id`; lists are joined with "|". A text cell starting with ' +
          '`=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so that spreadsheets do not ' +
          'run it as a formula. `clusterhub import organisations` reads this format back and removes that apostrophe.',
        example: exportCsvExample,
      },
      json: {
        summary: 'Export the directory as JSON (open data), honouring the search parameters',
        description: 'An array of organisations, each with `external_id`',
        example: exportJsonExample,
      },
    },
  });
  return {
    ...search,
    '/api/v1/organisations': {
      ...search['/api/v1/organisations'],
      post: {
        operationId: 'createOrganisation',
        summary: 'Create an organisation (as a draft; the creator becomes its team admin)',
        security: secured,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/OrganisationInput',
                required: ['name', 'type', 'country'],
              },
              ...example('organisation', organisationInputExample),
            },
          },
        },
        responses: { '201': orgResponse('Created'), ...writeErrors },
      },
    },
    '/api/v1/organisations/{id}': {
      get: {
        operationId: 'getOrganisation',
        summary: 'One organisation (published ones for everybody; drafts for their team and editors)',
        description:
          'Always the published values. Its team and editors also get `pending_revision` when changes to ' +
          'its identifying fields wait for review.',
        parameters: [idParam],
        responses: {
          '200': revisedOrgResponse('The organisation'),
          '404': errorResponse('Not found', '404'),
        },
      },
      patch: {
        operationId: 'updateOrganisation',
        summary: 'Change some fields of an organisation (team members and editors)',
        description:
          'On a published profile, a team member’s changes to what identifies the organisation (name, acronym, ' +
          'type, country, region, website, label, label_valid_from, label_valid_until) are not published at ' +
          'once: they go to the pending revision (one per organisation; later changes add to it) and wait for an ' +
          'editor, and the answer is `202` with the profile as published and `pending_revision`. Other fields ' +
          'change at once. Editors’ and admins’ changes, and changes to drafts, go live (`200`).',
        security: secured,
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/OrganisationInput' },
              ...example('some_fields', organisationPatchExample),
            },
          },
        },
        responses: {
          '200': revisedOrgResponse(
            'Updated; `pending_revision` is present if earlier changes still wait for review',
          ),
          '202': revisedOrgResponse(
            'Accepted: the identifying fields sent wait for an editor; the body shows the published profile',
            { ...organisationExample, pending_revision: pendingRevisionExample },
          ),
          ...writeErrors,
        },
      },
    },
    '/api/v1/organisations/{id}/submit': {
      post: {
        operationId: 'submitOrganisation',
        summary: 'Submit a draft or returned profile for review',
        security: secured,
        parameters: [idParam],
        responses: { '200': orgResponse('Now awaiting review'), ...writeErrors },
      },
    },
    '/api/v1/organisations/{id}/publish': {
      post: {
        operationId: 'publishOrganisation',
        summary: 'Publish a profile awaiting review (editors)',
        security: secured,
        parameters: [idParam],
        responses: { '200': orgResponse('Published'), ...writeErrors },
      },
    },
    '/api/v1/organisations/{id}/return': {
      post: {
        operationId: 'returnOrganisation',
        summary: 'Return a profile awaiting review with a reason (editors)',
        security: secured,
        parameters: [idParam],
        requestBody: reasonBody(returnExample),
        responses: { '200': orgResponse('Returned'), ...writeErrors },
      },
    },
    '/api/v1/organisations/{id}/revision/publish': {
      post: {
        operationId: 'publishRevision',
        summary: 'Publish the pending changes to a published profile (editors)',
        description:
          'Applies the proposed values and mails the team. Optional body `{ "revision": id, "version": ' +
          'updated_at }`: 409 if the team changed the proposal since (or another editor decided it).',
        security: secured,
        parameters: [idParam],
        responses: {
          '200': decidedRevisionResponse(
            'Published: the profile with the new values, and `revision`',
            'published',
          ),
          ...writeErrors,
        },
      },
    },
    '/api/v1/organisations/{id}/revision/return': {
      post: {
        operationId: 'returnRevision',
        summary: 'Return the pending changes to the team with a reason (editors)',
        security: secured,
        parameters: [idParam],
        requestBody: reasonBody(revisionReturnExample),
        responses: {
          '200': decidedRevisionResponse(
            'Returned: the published profile, unchanged, and `revision`',
            'returned',
          ),
          ...writeErrors,
        },
      },
    },
  };
}
