#!/usr/bin/env node
// `npm run bench`: understanding (dev, realistic, blind sets; grouped cross-validation), classification speed,
// HTTP turn latency/throughput (expectReplies, 1 and 16 connections) against a bare echo bot,
// mixed traffic (FAQ + verification conversations, SQLite state) at 64 and 16 connections with
// the issue-11 targets, start-up time and resident memory. Prints one table. Runs only against
// 127.0.0.1. On a busy machine absolute figures drop: read the bot / echo ratios of one run,
// and take the median of two or three runs.
// The labelled sets come as `--set FILE` arguments (package.json passes the development sets kept
// beside the project); the first is also the question mix of the HTTP runs.
// `npm run bench -- --only mixed` runs only the mixed-traffic part (bot and echo bot, 64 and 16
// connections, start-up and memory): the quick check while working on turn CPU.
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (only !== undefined && only !== 'mixed') throw new Error(`--only takes 'mixed', not ${only}`);
const mixedOnly = only === 'mixed';
const { createUnderstanding } = await import(path.join(root, 'dist/bot/app.js'));
const rows = [];
const row = (what, value, target = '') => rows.push({ what, value, target });

// 1. Understanding on messages the recognizer was not trained on: grouped cross-validation over
// the knowledge phrasings, the blind set under test/ (written before tuning), and the
// labelled sets named with --set (see scripts/evaluate.mjs).
const { crossValidate, namedSets, ratesAt, readSet, scoreSetRates } = await import(path.join(root, 'scripts/evaluate.mjs'));
const { CALIBRATED_TUNING } = await import(path.join(root, 'dist/knowledge/recognizer/trainedRecognizer.js'));
const { loadKnowledgeBase } = await import(path.join(root, 'dist/knowledge/knowledgeBase.js'));
const { trainingExamples } = await import(path.join(root, 'dist/knowledge/model/trainingData.js'));
const labelledSets = namedSets(process.argv.slice(2));
if (labelledSets.length === 0 || !existsSync(labelledSets[0][1])) {
  process.stderr.write('bench: name a labelled set with --set FILE (its questions are the traffic mix); `npm run bench` passes the development sets\n');
  process.exit(2);
}
const cases = readSet(labelledSets[0][1]);
const t0 = performance.now();
const { recognizer } = mixedOnly ? {} : createUnderstanding();
if (!mixedOnly) {
  row('recognizer build (knowledge load + model file)', `${(performance.now() - t0).toFixed(0)} ms`);
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const sets = [
    ...labelledSets,
    ['blind (test/knowledge/blind)', path.join(root, 'test', 'knowledge', 'blind', 'blind.jsonl')],
    ['blind 2 (test/knowledge/blind2)', path.join(root, 'test', 'knowledge', 'blind2', 'blind2.jsonl')],
    ['blind 3 (test/knowledge/blind3)', path.join(root, 'test', 'knowledge', 'blind3', 'blind3.jsonl')],
    ['blind 4 (test/knowledge/blind4)', path.join(root, 'test', 'knowledge', 'blind4', 'blind4.jsonl')],
    ['blind 5 (test/knowledge/blind5)', path.join(root, 'test', 'knowledge', 'blind5', 'blind5.jsonl')],
    ['blind 6 (test/knowledge/blind6)', path.join(root, 'test', 'knowledge', 'blind6', 'blind6.jsonl')],
  ];
  for (const [name, file] of sets) {
    if (!existsSync(file)) { row(`${name}`, 'not found'); continue; }
    const r = scoreSetRates(recognizer, readSet(file));
    row(`${name}: top-1 French / English`, `${pct(r.fr)} / ${pct(r.en)}`, '>= 93% / >= 93%');
    row(`${name}: out-of-scope rejected`, pct(r.none), '>= 92%');
    row(`${name}: wrong topic (in-scope)`, pct(r.wrong), '<= 2%');
    row(`${name}: language detected`, pct(r.lang), '>= 99.5%');
  }
  const cv = ratesAt(crossValidate(trainingExamples(loadKnowledgeBase(path.join(root, 'knowledge')).recognizerExamples())).predictions, CALIBRATED_TUNING.threshold);
  row('grouped 5-fold CV: answered right / asked "A or B?"', `${pct(cv.top1)} / ${pct(cv.asked)}`);
  row('grouped 5-fold CV: wrong topic / out-of-scope rejected', `${pct(cv.wrong)} / ${pct(cv.rejected)}`);
}

// 2. Classification speed, one core, warm (caches emptied between rounds would be unfair both ways).
const texts = cases.map((c) => c.text);
if (!mixedOnly) {
  for (const t of texts) recognizer.recognize(t);
  const rounds = 20;
  const t1 = performance.now();
  for (let i = 0; i < rounds; i += 1) for (const t of texts) recognizer.recognize(t);
  const perMessage = (performance.now() - t1) / (rounds * texts.length);
  row('classification time per message', `${(perMessage * 1000).toFixed(0)} µs`, '< 300 µs');
  const fresh = createUnderstanding().recognizer;
  const t2 = performance.now();
  for (const t of texts) fresh.recognize(t);
  row('classification, first sight (cold caches)', `${(((performance.now() - t2) / texts.length) * 1000).toFixed(0)} µs`);
}

// 3. HTTP turns: the real bot against a bare echo bot.
function startProcess(args, env, readyCheck) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`process exited: ${stderr}`));
      if (await readyCheck()) return resolve({ child, startupMs: performance.now() - started });
      if (Date.now() > deadline) return reject(new Error('process did not answer in 20 s'));
      setTimeout(poll, 10);
    };
    poll();
  });
}

const activity = (text, conversation) => ({
  type: 'message', text, channelId: 'bench', serviceUrl: 'http://127.0.0.1:1', deliveryMode: 'expectReplies', locale: 'en-US',
  from: { id: `user-${conversation}` }, recipient: { id: 'bot' }, conversation: { id: `bench-${conversation}` },
});
async function postTurn(port, text, conversation) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(text, conversation)) });
    return res.status === 200;
  } catch {
    return false;
  }
}

function load(port, connections) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections,
    duration: 5,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(activity(texts[n % texts.length], n++ % 500)) }),
    }],
  });
}

// The mixed run's script, per connection: a verification-and-status conversation (the ID,
// then the proof) on the sample contracts, then FAQ questions alternating French and English.
const SAMPLES = [
  ['RNW-20481137', 'CRT-774310452'], ['RNW-20481245', 'SO-5501874'], ['RNW-31007744', 'CRT-691203448'],
  ['RNW-40213358', 'CRT-905517620'], ['RNW-61194530', 'SO-5120447'], ['RNW-52340017', 'SAN-4471-2210-88'],
];
const french = cases.filter((c) => c.lang === 'fr' && !(c.expect.length === 1 && c.expect[0] === 'none')).map((c) => c.text);
const english = cases.filter((c) => c.lang === 'en' && !(c.expect.length === 1 && c.expect[0] === 'none')).map((c) => c.text);
let conversations = 0;
let questions = 0;
function mixedLoad(port, connections, duration) {
  const post = (text, context) => JSON.stringify({ ...activity(text, context.conversation), from: { id: `user-${context.conversation}` } });
  const faq = (list) => ({
    method: 'POST', headers: { 'content-type': 'application/json' },
    setupRequest: (req, context) => ({ ...req, body: post(list[questions++ % list.length], context) }),
  });
  return autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections,
    duration,
    requests: [
      {
        method: 'POST', headers: { 'content-type': 'application/json' },
        setupRequest: (req, context) => {
          context.conversation = `mixed-${port}-${conversations++}`;
          context.sample = SAMPLES[conversations % SAMPLES.length];
          return { ...req, body: post(`status of ${context.sample[0]}`, context) };
        },
      },
      { method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req, context) => ({ ...req, body: post(context.sample[1], context) }) },
      faq(french), faq(english), faq(french), faq(english),
    ],
  });
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc: clock ticks of 1/100 s). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-'));
const botPort = Number(process.env.BENCH_BOT_PORT ?? 39781);
const echoPort = Number(process.env.BENCH_ECHO_PORT ?? 39791);
// The bot runs with the same Node flags as `npm start` (package.json config.botNodeFlags).
const { config: { botNodeFlags = '' } = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const bot = await startProcess([...botNodeFlags.split(' ').filter(Boolean), 'dist/bot/index.js'], { PORT: String(botPort), STORAGE_FILE: path.join(dataDir, 'state.sqlite'), LOG_LEVEL: 'warn' }, () => postTurn(botPort, 'hello', 'startup'));
const echo = await startProcess(['scripts/echo-bot.mjs', String(echoPort)], {}, () => postTurn(echoPort, 'hello', 'startup'));
row('start-up to first answered request', `${bot.startupMs.toFixed(0)} ms`, '< 2000 ms');
try {
  if (!mixedOnly) {
    for (const connections of [1, 16]) {
      const echoRun = await load(echoPort, connections);
      const botRun = await load(botPort, connections);
      const ratio = botRun.latency.average / echoRun.latency.average;
      row(`turn latency, ${connections} conn: bot avg / p99`, `${botRun.latency.average.toFixed(2)} / ${botRun.latency.p99} ms`);
      row(`turn latency, ${connections} conn: echo bot avg / p99`, `${echoRun.latency.average.toFixed(2)} / ${echoRun.latency.p99} ms`);
      row(`turn latency ratio bot / echo, ${connections} conn`, `${ratio.toFixed(2)}x`, '<= 1.3x');
      row(`throughput, ${connections} conn: bot / echo`, `${botRun.requests.average.toFixed(0)} / ${echoRun.requests.average.toFixed(0)} req/s`);
      if (botRun.non2xx || botRun.errors) row(`errors, ${connections} conn`, `${botRun.non2xx} non-2xx, ${botRun.errors} errors`);
    }
    row('resident memory of the bot after load', `${rssMb(bot.child.pid).toFixed(0)} MB`, '< 200 MB');
  }

  // Mixed traffic: FAQ questions in both languages plus complete verification-and-status
  // conversations, on the SQLite state; 64 connections for 30 s, then 16 for the targets.
  // Bot and echo bot run one after the other in the same run: on a shared machine only their
  // ratios mean something, and the CPU each spends per turn (from /proc) is the steadiest one.
  for (const [connections, duration] of [[64, 30], [16, 15]]) {
    const echoCpu = cpuMs(echo.child.pid);
    const echoRun = await mixedLoad(echoPort, connections, duration);
    const echoPerTurn = (cpuMs(echo.child.pid) - echoCpu) / echoRun.requests.total;
    const botCpu = cpuMs(bot.child.pid);
    const botRun = await mixedLoad(botPort, connections, duration);
    const botPerTurn = (cpuMs(bot.child.pid) - botCpu) / botRun.requests.total;
    const tag = `mixed, ${connections} conn ${duration} s`;
    const targeted = connections === 16;
    const throughput = botRun.requests.average / echoRun.requests.average;
    const p99 = botRun.latency.p99 / echoRun.latency.p99;
    const rss = rssMb(bot.child.pid);
    const errors = botRun.non2xx + botRun.errors + botRun.timeouts;
    const verdict = (ok) => (targeted ? (ok ? ' (met)' : ' (NOT met)') : '');
    row(`${tag}: bot / echo throughput`, `${botRun.requests.average.toFixed(0)} / ${echoRun.requests.average.toFixed(0)} req/s = ${throughput.toFixed(2)}x${verdict(throughput >= 0.6)}`, targeted ? '>= 0.6x' : '(targets at 16 conn)');
    row(`${tag}: bot / echo p99`, `${botRun.latency.p99} / ${echoRun.latency.p99} ms = ${p99.toFixed(2)}x${verdict(p99 <= 2)}`, targeted ? '<= 2x' : '');
    row(`${tag}: bot / echo CPU per turn`, `${botPerTurn.toFixed(2)} / ${echoPerTurn.toFixed(2)} ms = ${(botPerTurn / echoPerTurn).toFixed(2)}x`);
    row(`${tag}: bot errors (non-2xx, socket, timeouts)`, `${botRun.non2xx}, ${botRun.errors}, ${botRun.timeouts}${verdict(errors === 0)}`, '0');
    row(`${tag}: bot resident memory after`, `${rss.toFixed(0)} MB${verdict(rss < 200)}`, '< 200 MB');
  }
  row('machine load average (1 min) at the end', loadavg()[0].toFixed(2), 'compare bot and echo of one run only');
} finally {
  bot.child.kill();
  echo.child.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

// 4. How the feedback loop's two lines were chosen, with the development sets too.
const devSets = mixedOnly ? [] : labelledSets.filter(([, f]) => existsSync(f)).flatMap(([, f]) => ['--set', f]);
const feedbackLines = mixedOnly ? '(not run with --only mixed)\n' : execFileSync(process.execPath, [path.join(root, 'scripts', 'feedback-lines.mjs'), ...devSets], { cwd: root, encoding: 'utf8' });

const width = Math.max(...rows.map((r) => r.what.length));
const vwidth = Math.max(...rows.map((r) => String(r.value).length));
process.stdout.write(`${'measure'.padEnd(width)} | ${'value'.padEnd(vwidth)} | target\n${'-'.repeat(width)}-|-${'-'.repeat(vwidth)}-|-------\n`);
for (const r of rows) process.stdout.write(`${r.what.padEnd(width)} | ${String(r.value).padEnd(vwidth)} | ${r.target}\n`);
process.stdout.write(`\nfeedback lines (npm run eval:feedback with the development sets)\n${feedbackLines}`);
