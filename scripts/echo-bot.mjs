#!/usr/bin/env node
// A bare botbuilder echo bot (CloudAdapter + restify), the baseline `npm run bench` compares
// the real bot's turn latency against. Not part of the product.
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`echo: ${context.activity.text}`);
  await next();
});
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => adapter.process(req, res, (context) => bot.run(context)));
server.listen(Number(process.argv[2] ?? 3979), '127.0.0.1', () => process.stdout.write('ready\n'));
