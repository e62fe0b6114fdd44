import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB, MailAttachment } from '../db/schema.ts';
import { enqueueJobs, type JobHandler } from '../jobs/queue.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files sent with the message (an `.ics` invitation); kept with it until it is sent. */
  attachments?: { filename: string; contentType: string; content: string | Buffer }[];
}

/** Attachments as the database keeps them: their content in base64. */
function storedAttachments(list: MailMessage['attachments']): string | null {
  if (!list?.length) return null;
  const stored: MailAttachment[] = list.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: Buffer.from(a.content).toString('base64'),
  }));
  return JSON.stringify(stored);
}

export interface Mailer {
  /** Writes the message in the caller's transaction; it is sent after commit by a worker. */
  queue(db: Kysely<DB>, message: MailMessage): Promise<void>;
  /** Writes several messages in the caller's transaction, in one statement (and one for their jobs). */
  queueMany(db: Kysely<DB>, messages: readonly MailMessage[]): Promise<void>;
  /** The job handler that delivers queued messages over SMTP. */
  handler: JobHandler;
  readonly usesSmtp: boolean;
  close(): void;
}

export function createMailer(db: Kysely<DB>, opts: { smtpUrl?: string | undefined; from: string }): Mailer {
  const transport: Transporter | null = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  async function queueMany(trx: Kysely<DB>, messages: readonly MailMessage[]) {
    if (messages.length === 0) return;
    const rows = await trx
      .insertInto('mail_messages')
      .values(
        messages.map((message) => ({
          to_address: message.to,
          subject: message.subject,
          text_body: message.text,
          html_body: message.html ?? null,
          attachments: storedAttachments(message.attachments),
          status: transport ? ('queued' as const) : ('outbox' as const),
        })),
      )
      .returning('id')
      .execute();
    if (transport) {
      await enqueueJobs(
        trx,
        'mail.send',
        rows.map((row) => ({ id: row.id })),
        { maxAttempts: 6 },
      );
    }
  }
  return {
    usesSmtp: transport !== null,
    queue: (trx, message) => queueMany(trx, [message]),
    queueMany,
    async handler(payload, info) {
      const id = String(payload.id);
      const msg = await db.selectFrom('mail_messages').selectAll().where('id', '=', id).executeTakeFirst();
      if (!msg || msg.status === 'sent' || !transport) return;
      try {
        await transport.sendMail({
          from: opts.from,
          to: msg.to_address,
          subject: msg.subject,
          text: msg.text_body,
          html: msg.html_body ?? undefined,
          attachments: (msg.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content, 'base64'),
          })),
        });
        await db
          .updateTable('mail_messages')
          .set({ status: 'sent', sent_at: new Date(), attempts: info.attempt, last_error: null })
          .where('id', '=', id)
          .execute();
      } catch (err) {
        await db
          .updateTable('mail_messages')
          .set({
            status: info.lastAttempt ? 'failed' : 'queued',
            attempts: info.attempt,
            last_error: err instanceof Error ? err.message.slice(0, 1000) : String(err),
          })
          .where('id', '=', id)
          .execute();
        throw err;
      }
    },
    close() {
      transport?.close();
    },
  };
}
