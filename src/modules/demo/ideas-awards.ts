import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Event } from '../../platform/db/schema-events.ts';
import type { IdeaFormat, IdeaStatus } from '../../platform/db/schema-ideas-awards.ts';
import { parseZoned } from '../../platform/time/zoned.ts';
import * as awards from '../awards/repository.ts';
import { findEventBySlug } from '../events/repository.ts';
import * as ideas from '../ideas/repository.ts';
import type { DemoContext, DemoPart } from './part.ts';
import { Random } from './random.ts';

/**
 * The calls for ideas and awards of the demo (issue 14): the European Cluster Conference 2019's
 * "Awards of the Year" (cluster managers, and the ESCP-4i, ESCP-S3 and INNOSUP partnerships) with
 * applications of demo organisations, jury scores and published winners, and its call for ideas
 * with proposals, votes and accepted ideas; and an open call and open categories on the first
 * upcoming published conference. The events are the events demo part's, found by slug and type:
 * this part runs after it in `DEMO_PARTS`. Without them (no events part), it seeds nothing.
 */
export const ECC_2019 = 'european-cluster-conference-2019';

const EDITOR = 'editor@demo.clusterhub.test';
const MANAGER = 'manager@demo.clusterhub.test';
const MEMBER = 'member@demo.clusterhub.test';

const CATEGORIES = [
  {
    title: 'Cluster Manager of the Year',
    description:
      'For a cluster manager whose work made a difference at European level: new members, new markets, new partnerships across borders.',
  },
  {
    title: 'Cluster Partnership of the Year: ESCP-4i',
    description: 'For a European Strategic Cluster Partnership for going international (ESCP-4i).',
  },
  {
    title: 'Cluster Partnership of the Year: ESCP-S3',
    description:
      'For a European Strategic Cluster Partnership for smart specialisation investments (ESCP-S3).',
  },
  {
    title: 'Cluster Partnership of the Year: INNOSUP',
    description:
      'For a cluster partnership funded by INNOSUP that supports SME innovation in new value chains.',
  },
] as const;

const PAST_IDEAS: { title: string; abstract: string; format: IdeaFormat; status: IdeaStatus }[] = [
  {
    title: 'Clusters as bridges between regional smart specialisation strategies',
    abstract:
      'How cluster organisations connect the priorities of different regions, with three partnerships that turned shared priorities into joint projects.',
    format: 'panel',
    status: 'accepted',
  },
  {
    title: 'Going international together: lessons from ESCP-4i',
    abstract:
      'What worked, and what did not, when clusters of five countries prospected Japan and Canada together.',
    format: 'talk',
    status: 'accepted',
  },
  {
    title: 'Cascade funding for SMEs: from call to contract in 90 days',
    abstract:
      'A hands-on session on running a cascade funding call inside a cluster: eligibility, evaluation, payments.',
    format: 'workshop',
    status: 'accepted',
  },
  {
    title: 'Live demo: finding partners on the collaboration platform',
    abstract: 'Search, filters and matchmaking requests, shown live with real profiles.',
    format: 'demo',
    status: 'shortlisted',
  },
  {
    title: 'Measuring cluster performance beyond membership numbers',
    abstract:
      'Indicators that tell members and funders what a cluster changes, and how to collect them cheaply.',
    format: 'talk',
    status: 'declined',
  },
  {
    title: 'Industrial modernisation through interregional value chains',
    abstract:
      'Three value chains that clusters from east and west built together, and what policy can learn from them.',
    format: 'panel',
    status: 'proposed',
  },
];

const UPCOMING_IDEAS: { title: string; abstract: string; format: IdeaFormat }[] = [
  {
    title: 'Green and digital transition: what clusters can do this year',
    abstract:
      'Concrete services for SMEs on energy, circularity and data, with examples from three countries.',
    format: 'panel',
  },
  {
    title: 'Cluster internationalisation after the pandemic',
    abstract: 'Online, hybrid or onsite missions: what cluster members want now, from a survey of 400 SMEs.',
    format: 'talk',
  },
  {
    title: 'Matchmaking that works: preparing participants',
    abstract: 'A workshop for organisers on profiles, requests and schedules that lead to agreements.',
    format: 'workshop',
  },
];

const at = (local: string, zone: string) => {
  const d = parseZoned(local, zone);
  if (!d) throw new Error(`not a local time: ${local}`);
  return d;
};
const day = 86_400_000;

async function seedConference2019(trx: Kysely<DB>, ctx: DemoContext, event: Event, rnd: Random) {
  const zone = event.time_zone;
  const editor = ctx.users.get(EDITOR)!.id;
  const voters = [EDITOR, MANAGER, MEMBER].map((e) => ctx.users.get(e)!.id);
  let rows = 0;

  // The call for ideas, closed three weeks before the conference; decided on by the editor.
  await ideas.upsertCall(trx, {
    eventId: event.id,
    opensAt: at('2019-03-15T09:00', zone),
    closesAt: at('2019-04-20T23:59', zone),
    by: editor,
  });
  rows += 1;
  for (const [i, idea] of PAST_IDEAS.entries()) {
    const { id } = await ideas.insertIdea(trx, {
      event_id: event.id,
      author_id: voters[(i + 1) % voters.length]!,
      title: idea.title,
      abstract: idea.abstract,
      format: idea.format,
      status: idea.status,
      decided_by: idea.status === 'proposed' ? null : editor,
      decided_at: idea.status === 'proposed' ? null : at('2019-04-25T10:00', zone),
      created_at: at(`2019-03-${String(18 + i * 2).padStart(2, '0')}T11:00`, zone),
    });
    // Accepted ideas got the most votes.
    const votes = idea.status === 'accepted' ? 3 : rnd.int(0, 2);
    await ideas.insertVotes(
      trx,
      voters.slice(0, votes).map((user_id) => ({ idea_id: id, user_id })),
    );
    rows += 1 + votes;
  }

  // Awards of the Year: applications until 30 April, winners published on the second day.
  const applicants = await awards.organisationsWithoutTeam(trx, CATEGORIES.length * 4);
  await awards.addJuror(trx, event.id, editor, editor);
  await awards.addJuror(trx, event.id, ctx.users.get(MEMBER)!.id, editor);
  const jurors = [editor, ctx.users.get(MEMBER)!.id];
  rows += 2;
  for (const [i, c] of CATEGORIES.entries()) {
    const category = await awards.insertCategory(trx, {
      event_id: event.id,
      title: c.title,
      description: c.description,
      deadline: at('2019-04-30T23:59', zone),
      position: i,
      created_by: editor,
      created_at: at('2019-03-01T10:00', zone),
    });
    const ids: string[] = [];
    for (const [j, org] of applicants.slice(i * 4, i * 4 + 4).entries()) {
      const { id } = await awards.insertApplication(trx, {
        category_id: category.id,
        organisation_id: org.id,
        submitted_by: null,
        text: `${org.name} applies for “${c.title}”: a year of new members, joint projects with partners in ${rnd.int(3, 9)} countries and services that SMEs of the region use every week.`,
        attachment_url: `https://example.org/awards-2019/${category.position + 1}-${j + 1}.pdf`,
        created_at: at(`2019-04-${String(10 + j * 4).padStart(2, '0')}T15:00`, zone),
      });
      ids.push(id);
      await awards.insertScores(
        trx,
        jurors.map((juror_id) => ({
          application_id: id,
          juror_id,
          // The first applicant of each category is the jury's favourite.
          score: j === 0 ? rnd.int(8, 10) : rnd.int(4, 8),
          comment:
            j === 0 ? 'Outstanding results, well documented.' : 'Solid work; less impact beyond the region.',
        })),
      );
      rows += 1 + jurors.length;
    }
    rows += 1;
    if (ids.length)
      await awards.publishWinners(trx, category.id, [ids[0]!], editor, at('2019-05-15T18:00', zone));
  }
  return rows;
}

async function seedUpcoming(trx: Kysely<DB>, ctx: DemoContext, event: Event, rnd: Random) {
  const editor = ctx.users.get(EDITOR)!.id;
  const voters = [EDITOR, MANAGER, MEMBER].map((e) => ctx.users.get(e)!.id);
  // Open from a week ago until three weeks ahead, or the day before the event if that is sooner.
  const start = event.starts_at.getTime();
  const closesAt = new Date(
    Math.max(Math.min(ctx.today.getTime() + 21 * day, start - day), ctx.today.getTime() + day),
  );
  await ideas.upsertCall(trx, {
    eventId: event.id,
    opensAt: new Date(ctx.today.getTime() - 7 * day),
    closesAt,
    by: editor,
  });
  let rows = 1;
  for (const [i, idea] of UPCOMING_IDEAS.entries()) {
    const { id } = await ideas.insertIdea(trx, {
      event_id: event.id,
      author_id: voters[(i + 1) % voters.length]!,
      ...idea,
      created_at: new Date(ctx.today.getTime() - (6 - i) * day),
    });
    const votes = rnd.int(0, 3);
    await ideas.insertVotes(
      trx,
      voters.slice(0, votes).map((user_id) => ({ idea_id: id, user_id })),
    );
    rows += 1 + votes;
  }
  for (const [i, title] of ['Cluster Manager of the Year', 'Cluster Partnership of the Year'].entries()) {
    await awards.insertCategory(trx, {
      event_id: event.id,
      title,
      description: 'Applications are open to every organisation of the directory, through its team.',
      deadline: closesAt,
      position: i,
      created_by: editor,
    });
    rows += 1;
  }
  return rows;
}

export const ideasAwardsPart: DemoPart = {
  name: 'idea and award entries',
  present: async (db) => (await ideas.countIdeas(db)) + (await awards.countCategories(db)) > 0,
  async seed(trx, ctx) {
    const rnd = new Random(ctx.seed + 15);
    let rows = 0;
    // Written by the events demo part; without it there is nothing to attach ideas or awards to.
    const ecc = await findEventBySlug(trx, ECC_2019);
    if (ecc) rows += await seedConference2019(trx, ctx, ecc, rnd);
    const upcoming = await ideas.firstUpcomingEvent(trx, 'conference', ctx.today);
    if (upcoming && upcoming.id !== ecc?.id) rows += await seedUpcoming(trx, ctx, upcoming, rnd);
    return rows;
  },
  analyze: ['idea_calls', 'ideas', 'idea_votes', 'award_categories', 'award_applications', 'award_scores'],
};
