/** Recommendations: "organisations you could work with" and their reasons. */
export const recommendations = {
  'rec.title': 'Organisations {name} could work with',
  'rec.intro':
    'Suggested from the profiles and from who has worked with whom on the platform, in both directions: what you look for in them and what they look for in you.',
  'rec.none':
    'No suggestion yet. Complete the profile (ecosystems, sectors, technologies, target markets) to get some.',
  'rec.with_partners': 'Show current partners too',
  'rec.without_partners': 'Hide current partners',
  'rec.profile': 'See the profile of {name}',
  'rec.why': 'Why',
  'rec.team_section': 'Partners',
  'rec.team_link': 'Organisations you could work with',
  'rec.reason.shared_ecosystems': 'You both work in {ecosystems}.',
  'rec.reason.shared_sectors': 'Same sectors: {sectors}.',
  'rec.reason.complementary_sectors':
    'Complementary sectors: organisations in {yours} often work with {theirs}.',
  'rec.reason.shared_technologies': 'Shared technologies: {technologies}.',
  'rec.reason.partner_in_common': 'You have a partner in common.',
  'rec.reason.partners_in_common': 'You have {count} partners in common.',
  'rec.reason.like_your_partners': 'They resemble the organisations you have worked with.',
  'rec.reason.like_you': 'They often work with organisations like yours.',
  'rec.reason.your_market': '{country}, their country, is one of your target markets.',
  'rec.reason.their_market': '{country}, your country, is one of their target markets.',
  'rec.reason.your_offer': 'Your offer “{offer}” matches their request “{need}”.',
  'rec.reason.their_offer': 'Their offer “{offer}” matches your request “{need}”.',
  'rec.reason.countries': 'Cross-border: they are in {country}.',
  'api.op.organisationRecommendations':
    'Organisations this one could work with, with the reasons (its team, editors, admins)',
  'api.op.organisationRecommendations.description':
    'Ranked by a reciprocal recommender: partners of its partners in the collaboration graph, how well each fits what the organisation has sought so far and how well it fits what each has sought (combined both ways), its profile (ecosystems, sectors, technologies, target markets), and how active each is. Never the organisation itself, an organisation it declined or that declined it, an unpublished one, nor its current partners unless `include_partners=true`. Each reason has a code, its parameters and a text in the reader’s language.',
  'api.param.organisationRecommendations.limit': 'Number of recommendations (1 to 50, 10 by default)',
  'api.param.organisationRecommendations.include_partners':
    'Also propose current partners (`true`), or not (`false`, the default)',
};
