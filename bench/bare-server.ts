// The reference: a bare Fastify route returning a small HTML page, no database, no middleware.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async (_req, reply) =>
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .send('<!doctype html><title>bare</title><p>ok</p>'),
);
await app.listen({ port: Number(process.env.PORT ?? 3901), host: '127.0.0.1' });
process.stdout.write('ready\n');
