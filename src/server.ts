import type { FastifyInstance } from 'fastify';
import { EVENT_SECTIONS } from './event-sections.ts';
import { SEARCHABLE_KINDS } from './kinds.ts';
import { registerAccountRoutes } from './modules/accounts/routes.tsx';
import { registerAdminRoutes } from './modules/admin/routes.tsx';
import { registerApiDocs } from './modules/api/routes.tsx';
import { registerAtlasRoutes } from './modules/atlas/routes.tsx';
import { registerAwardRoutes } from './modules/awards/routes.tsx';
import { registerEventApi } from './modules/events/api.ts';
import { eventQueueSection, registerEventRoutes } from './modules/events/routes.tsx';
import { registerHomeRoutes } from './modules/home/routes.tsx';
import { registerIdeaRoutes } from './modules/ideas/routes.tsx';
import { registerAgendaApi } from './modules/matchmaking/agenda/api.ts';
import { registerAgendaRoutes } from './modules/matchmaking/agenda/routes.tsx';
import { registerMatchmakingApi } from './modules/matchmaking/api.ts';
import { registerMatchmakingRoutes } from './modules/matchmaking/routes.tsx';
import { registerScheduleApi } from './modules/matchmaking/scheduling/api.ts';
import { registerScheduleRoutes } from './modules/matchmaking/scheduling/routes.tsx';
import { registerSuggestionApi } from './modules/matchmaking/suggestions/api.ts';
import { registerSuggestionRoutes } from './modules/matchmaking/suggestions/routes.tsx';
import { registerInterestApi, registerOpportunityApi } from './modules/opportunities/api.ts';
import { outcomeStatisticsSection } from './modules/opportunities/organisation-section.tsx';
import { opportunityQueueSection, registerOpportunityRoutes } from './modules/opportunities/routes.tsx';
import { registerOrganisationApi } from './modules/organisations/api.ts';
import { registerOrganisationRoutes } from './modules/organisations/routes.tsx';
import { organisationImports } from './modules/organisations/searchable.ts';
import { registerRegistrationApi } from './modules/registrations/api.ts';
import { registerRegistrationRoutes } from './modules/registrations/routes.tsx';
import { registerSearchApi } from './modules/search/api.ts';
import { registerExportApi } from './modules/search/export.ts';
import { registerImportRoutes } from './modules/search/import-routes.tsx';
import { registerSearchRoutes } from './modules/search/routes.tsx';
import { registerTeamRoutes } from './modules/teams/routes.tsx';
import { ORGANISATION_SECTIONS } from './organisation-sections.ts';
import { createHttpApp } from './platform/http/app.tsx';
import type { Services } from './platform/services.ts';

/** The web role: every feature's pages and API on one Fastify instance. */
export async function buildServer(services: Services): Promise<FastifyInstance> {
  const app = await createHttpApp(services);
  registerHomeRoutes(app, services);
  registerAccountRoutes(app, services);
  registerSearchRoutes(app, services, SEARCHABLE_KINDS);
  registerOrganisationRoutes(
    app,
    services,
    [eventQueueSection, opportunityQueueSection],
    ORGANISATION_SECTIONS,
  );
  registerTeamRoutes(app, services);
  registerSearchApi(app, services, SEARCHABLE_KINDS);
  registerOrganisationApi(app, services);
  registerExportApi(app, services, SEARCHABLE_KINDS);
  registerAtlasRoutes(app, services, [outcomeStatisticsSection]);
  registerApiDocs(app, services);
  registerAdminRoutes(app, services);
  registerImportRoutes(app, services, organisationImports);
  registerIdeaRoutes(app, services);
  registerAwardRoutes(app, services);
  registerEventApi(app, services, EVENT_SECTIONS);
  registerEventRoutes(app, services, EVENT_SECTIONS);
  registerRegistrationRoutes(app, services);
  registerRegistrationApi(app, services);
  registerAgendaRoutes(app, services);
  registerAgendaApi(app, services);
  registerMatchmakingRoutes(app, services);
  registerMatchmakingApi(app, services);
  registerSuggestionRoutes(app, services);
  registerSuggestionApi(app, services);
  registerScheduleRoutes(app, services);
  registerScheduleApi(app, services);
  registerOpportunityRoutes(app, services);
  registerOpportunityApi(app, services);
  registerInterestApi(app, services);
  return app;
}
