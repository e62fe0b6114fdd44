import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/modules/api/openapi.ts';

/**
 * A refactoring guard while the OpenAPI paths move to the modules that own them: the assembled
 * document stays exactly what it was. Removed once every module contributes its own paths.
 */
describe('the OpenAPI document', () => {
  it('is unchanged by moving its parts', async () => {
    await expect(`${JSON.stringify(openApiDocument('http://x'), null, 1)}\n`).toMatchFileSnapshot(
      './__snapshots__/openapi.json',
    );
  });
});
