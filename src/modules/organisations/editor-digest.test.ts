import { describe, expect, it } from 'vitest';
import { ENGINES, skipReason } from '../../../test/helpers/db.ts';
import { makeEvent } from '../../../test/helpers/events.ts';
import { makeUser } from '../../../test/helpers/fixtures.ts';
import { useTestServer } from '../../../test/helpers/server.ts';
import { QUEUE_SECTIONS } from '../../queue-sections.ts';
import { sendEditorDigest } from './editor-digest.ts';
import { insertOrganisation } from './repository.ts';

describe.each(ENGINES)("the editors' daily digest on %s", (engine) => {
  const skip = skipReason(engine);
  const srv = useTestServer(engine, skip);
  const mailsTo = async () =>
    (
      await srv.services.db.selectFrom('mail_messages').select('to_address').orderBy('to_address').execute()
    ).map((m) => m.to_address);

  it.skipIf(skip)(
    'counts what awaits review for every editor and admin, in their language, once a day',
    async () => {
      const s = srv.services;
      await makeUser(s, 'editor@example.org', 'editor');
      await makeUser(s, 'admin@example.org', 'admin');
      await makeUser(s, 'user@example.org');
      await makeUser(s, 'unconfirmed@example.org', 'editor', { verified: false });
      await s.db
        .updateTable('users')
        .set({ locale: 'fr' })
        .where('email', '=', 'admin@example.org')
        .execute();
      const day = new Date('2027-03-01T07:00:00Z');

      // Nothing waits: nothing is sent, and the day stays free.
      expect(await sendEditorDigest(s, QUEUE_SECTIONS, day)).toBe(0);
      expect(await mailsTo()).toEqual([]);

      for (const slug of ['first', 'second'])
        await insertOrganisation(s.db, {
          slug,
          name: `Cluster ${slug}`,
          type: 'cluster_organisation',
          country: 'FR',
          status: 'needs_review',
        });
      await makeEvent(s.db, { status: 'needs_review', submitted_at: new Date() });
      expect(await sendEditorDigest(s, QUEUE_SECTIONS, day)).toBe(2);
      const english = await srv.inbox.waitFor('editor@example.org', /3 items await review/);
      expect(english.text).toContain('- 2 organisation profiles');
      expect(english.text).toContain('- 1 event submitted by the community');
      expect(english.text).not.toContain('proposed change');
      expect(english.text).toContain('/editor/queue');
      const french = await srv.inbox.waitFor('admin@example.org', /3 éléments attendent une relecture/);
      expect(french.text).toContain('- 2 profils d’organisation');

      // Once a day: later runs of the same day send nothing, even two at once the next day send once.
      expect(await sendEditorDigest(s, QUEUE_SECTIONS, new Date('2027-03-01T19:00:00Z'))).toBe(0);
      const next = new Date('2027-03-02T07:00:00Z');
      const both = await Promise.all([
        sendEditorDigest(s, QUEUE_SECTIONS, next),
        sendEditorDigest(s, QUEUE_SECTIONS, next),
      ]);
      expect(both.sort()).toEqual([0, 2]);
      expect(await mailsTo()).toEqual([
        'admin@example.org',
        'admin@example.org',
        'editor@example.org',
        'editor@example.org',
      ]);
    },
  );
});
