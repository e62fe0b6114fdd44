import sharp from 'sharp';
import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Actor, Services } from '../../platform/services.ts';
import { canEditOrganisation } from './policy.ts';
import * as repo from './repository.ts';
import { loadForActor } from './usecases.ts';

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif']);
const SIZE = 400;

/**
 * Checks an uploaded logo by decoding it (not by its name or declared type), then stores a
 * re-encoded copy no larger than 400×400: whatever the upload carried besides pixels is dropped.
 * `file` is null when none was sent; `tooLarge` when the upload stopped at the size limit.
 */
export async function setLogo(
  s: Services,
  actor: Actor | null,
  idOrSlug: string,
  upload: { file: Buffer | null; tooLarge?: boolean },
) {
  const { org, membership } = await loadForActor(s, actor, idOrSlug);
  if (!canEditOrganisation(actor, org, membership)) throw forbidden();
  const { file } = upload;
  if (upload.tooLarge || (file && file.length > LOGO_MAX_BYTES)) throw logoProblem('v.logo_size');
  if (!file?.length) throw logoProblem('v.required');
  let meta: sharp.Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: 40_000_000 }).metadata();
  } catch {
    throw logoProblem('v.logo_type');
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw logoProblem('v.logo_type');
  const { data, info } = await sharp(file, { animated: false })
    .rotate()
    .resize(SIZE, SIZE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 85 })
    .toBuffer({ resolveWithObject: true });
  await s.db.transaction().execute(async (trx) => {
    await repo.saveLogo(trx, org.id, {
      contentType: 'image/webp',
      data,
      width: info.width,
      height: info.height,
    });
    await repo.updateOrganisation(trx, org.id, { updated_at: new Date() });
    await recordAudit(trx, {
      actorId: actor!.id,
      action: 'organisation.logo',
      subjectType: 'organisation',
      subjectId: org.id,
    });
  });
  return org;
}

function logoProblem(message: string) {
  return new AppError('validation', 'The logo is not acceptable.', [{ field: 'logo', message }]);
}
