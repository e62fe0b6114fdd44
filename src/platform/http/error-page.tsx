import type { RequestContext } from './context.ts';
import { Layout } from './layout.tsx';

export function ErrorPage({
  ctx,
  status,
  message,
}: {
  ctx: RequestContext;
  status: number;
  message: string;
}) {
  return (
    <Layout ctx={ctx} title={ctx.t('error.title', { status })}>
      <h1>{ctx.t('error.title', { status })}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{ctx.t('error.home')}</a>
      </p>
    </Layout>
  );
}
