/**
 * Builds docker/Dockerfile without a Docker engine: dockerfile-ast reads it, the build context is the
 * repository as .dockerignore lets it through (@balena/dockerignore, Docker's own matching rules), and each
 * stage is a directory in which COPY and ADD copy and RUN runs its command with the stage's environment.
 * Instructions that only describe the image (LABEL, EXPOSE, VOLUME, STOPSIGNAL, ...) are recorded, not run.
 * Not reproduced: the base images' own files (a stage starts empty and runs this machine's tools), ownership
 * (--chown, --chmod), ADD of a URL or the unpacking of a local archive, and RUN --mount.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import ignore from '@balena/dockerignore';
import { Copy, DockerfileParser, Env, From, Healthcheck, Run } from 'dockerfile-ast';

export interface Stage {
  name: string;
  base: string;
  /** The stage's filesystem: its root directory on this machine. */
  root: string;
  workdir: string;
  /** The image's environment (ENV); `args` are the build's only (ARG). */
  env: Record<string, string>;
  args: Record<string, string>;
  shell: string[];
  user?: string;
  healthcheck?: string[];
  entrypoint: string[];
  cmd: string[];
  exposed: number[];
}

export interface Build {
  stages: Stage[];
  /** The last stage: what the image is. */
  runtime: Stage;
}

export interface CommandResult {
  status: number | null;
  output: string;
}

export function runCommand(
  command: string[],
  options: Parameters<typeof spawnSync>[2] & { input?: string } = {},
): CommandResult {
  const result = spawnSync(command[0], command.slice(1), { ...options, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) return { status: null, output: result.error.message };
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export const tail = (output: string, lines = 30) => output.trimEnd().split('\n').slice(-lines).join('\n');

/** Copies the repository into `context` as `docker build` would send it: without what .dockerignore names. */
function sendContext(repository: string, context: string): void {
  const file = join(repository, '.dockerignore');
  const ignored = ignore().add(existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []);
  cpSync(repository, context, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => path === repository || !ignored.ignores(relative(repository, path)),
  });
}

/** A RUN, CMD, ENTRYPOINT or HEALTHCHECK command: the exec form (a JSON array) as written, else through the shell. */
function commandOf(shell: string[], content: string): string[] {
  try {
    const exec: unknown = JSON.parse(content);
    if (Array.isArray(exec) && exec.every((word) => typeof word === 'string')) return exec;
  } catch {
    // not JSON: the shell form
  }
  return [...shell, content];
}

/**
 * The files a COPY source names: itself, or what its wildcards match in its directory. Docker matches them by
 * the rules of .dockerignore patterns (Go's filepath.Match), so the same library decides.
 */
function sourcesOf(base: string, source: string): string[] {
  if (!/[*?[]/.test(source)) return [source];
  const directory = dirname(source);
  const pattern = ignore().add(source);
  const entries = existsSync(join(base, directory)) ? readdirSync(join(base, directory)) : [];
  return entries.map((entry) => join(directory, entry)).filter((path) => pattern.ignores(path));
}

/** `$NAME` and `${NAME}` from the stage's ARGs and ENVs, as Docker substitutes them in ENV values. */
function substitute(text: string, variables: Record<string, string>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (match, braced?: string, bare?: string) => {
    return variables[(braced ?? bare)!] ?? '';
  });
}

/** Builds every stage in `work`; throws when an instruction fails, as `docker build` stops. */
export function buildDockerfile(
  repository: string,
  dockerfile: string,
  work: string,
  log: (line: string) => void = console.log,
): Build {
  const text = readFileSync(dockerfile, 'utf8');
  const parsed = DockerfileParser.parse(text);
  const context = join(work, 'context');
  sendContext(repository, context);

  const instructions = parsed.getInstructions();
  const stages: Stage[] = [];
  const args: Record<string, string> = Object.fromEntries(
    parsed.getInitialARGs().map((arg) => [arg.getProperty()?.getName() ?? '', arg.getProperty()?.getValue() ?? '']),
  );
  const pathIn = (stage: Stage, path: string) => join(stage.root, isAbsolute(path) ? path : join(stage.workdir, path));
  // A stage that a later instruction still reads is copied when a stage builds on it, else taken over.
  const readLater = (name: string, after: number) =>
    instructions
      .slice(after + 1)
      .some(
        (later) =>
          (later instanceof From && later.getImage() === name) ||
          (later instanceof Copy && later.getFromFlag()?.getValue() === name),
      );

  instructions.forEach((instruction, index) => {
    const keyword = instruction.getKeyword();
    const where = `Dockerfile:${instruction.getRange().start.line + 1} ${keyword}`;
    const words = instruction.getExpandedArguments().map((argument) => argument.getValue());
    const content = instruction.getArgumentsContent() ?? '';
    if (instruction instanceof From) {
      const base = words[0];
      const name = instruction.getBuildStage() ?? String(stages.length);
      const parent = stages.find((stage) => stage.name === base);
      const copied = parent !== undefined && readLater(parent.name, index);
      const root = parent && !copied ? parent.root : join(work, 'stages', name);
      if (copied) cpSync(parent.root, root, { recursive: true, verbatimSymlinks: true });
      else if (!parent) mkdirSync(root, { recursive: true });
      const fresh = { workdir: '/', env: {}, args: {}, shell: ['/bin/sh', '-c'], entrypoint: [], cmd: [], exposed: [] };
      // A stage built on another has its files, environment and settings; build arguments stay with their stage.
      stages.push(parent ? { ...structuredClone(parent), args: {}, name, root } : { ...fresh, name, base, root });
      log(`${where} ${words.join(' ')}`);
      return;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (keyword !== 'ARG') throw new Error(`${where} before any FROM`);
      return;
    }
    const variables = { ...stage.args, ...stage.env };
    switch (keyword) {
      case 'ARG':
        // Inside a stage an ARG brings in the global value of that name, or gives its own default.
        for (const word of words) {
          const [name, value] = word.split(/=(.*)/s);
          stage.args[name] = args[name] ?? value ?? '';
        }
        break;
      case 'ENV':
        for (const property of (instruction as Env).getProperties())
          stage.env[property.getName()] = substitute(property.getValue() ?? '', variables);
        break;
      case 'WORKDIR':
        stage.workdir = isAbsolute(words[0]) ? words[0] : join(stage.workdir, words[0]);
        mkdirSync(pathIn(stage, '.'), { recursive: true });
        break;
      case 'USER':
        stage.user = words[0];
        break;
      case 'SHELL':
        stage.shell = JSON.parse(content) as string[];
        break;
      case 'EXPOSE':
        stage.exposed.push(...words.map((port) => Number.parseInt(port, 10)));
        break;
      case 'COPY':
      case 'ADD': {
        const paths = content.trimStart().startsWith('[') ? (JSON.parse(content) as string[]) : words;
        const destination = paths.at(-1)!;
        const fromName = instruction instanceof Copy ? instruction.getFromFlag()?.getValue() : undefined;
        const from = fromName === undefined ? undefined : stages.find((candidate) => candidate.name === fromName);
        if (fromName !== undefined && !from) throw new Error(`${where}: no stage '${fromName}' before it`);
        // COPY --from reads the other stage's filesystem (relative to its WORKDIR), else the build context.
        const base = from ? from.root : context;
        const sources = paths.slice(0, -1).flatMap((source) => {
          const inBase = relative('/', from && !isAbsolute(source) ? join(from.workdir, source) : join('/', source));
          const found = sourcesOf(base, inBase).filter((path) => existsSync(join(base, path)));
          if (!found.length) {
            throw new Error(`${where}: ${source} is not in the ${from ? `stage '${from.name}'` : 'build context'}`);
          }
          return found;
        });
        for (const source of sources) {
          const path = join(base, source);
          // A directory's contents are copied, not the directory; files go into a destination ending in '/'.
          const intoDirectory = !statSync(path).isDirectory() && (destination.endsWith('/') || sources.length > 1);
          const into = intoDirectory ? join(pathIn(stage, destination), basename(source)) : pathIn(stage, destination);
          mkdirSync(dirname(into), { recursive: true });
          cpSync(path, into, { recursive: true, verbatimSymlinks: true });
        }
        log(`${where} ${paths.join(' ')}`);
        break;
      }
      case 'RUN': {
        const run = instruction as Run;
        // RUN <<EOF: the here-document is the script.
        const script = run.getHeredocs().length && content.startsWith('<<') ? content.split('\n').slice(1, -1) : null;
        const command = script ? stage.shell.slice(0, 1) : commandOf(stage.shell, content);
        const started = Date.now();
        const result = runCommand(command, {
          cwd: pathIn(stage, '.'),
          env: buildEnvironment(variables),
          input: script?.join('\n'),
        });
        log(`${where} ${content.split('\n')[0]} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        if (result.status !== 0) throw new Error(`${where} failed (exit ${result.status}):\n${tail(result.output)}`);
        break;
      }
      case 'HEALTHCHECK': {
        const check = instruction as Healthcheck;
        const subcommand = check.getSubcommand()?.getValue().toUpperCase();
        stage.healthcheck =
          subcommand === 'CMD' ? commandOf(stage.shell, content.replace(/^\s*CMD\s+/i, '').trim()) : undefined;
        break;
      }
      case 'ENTRYPOINT':
        stage.entrypoint = commandOf(stage.shell, content);
        break;
      case 'CMD':
        stage.cmd = commandOf(stage.shell, content);
        break;
      default:
        // LABEL, VOLUME, STOPSIGNAL, ONBUILD, MAINTAINER: they describe the image and change no file.
        log(`${where} (describes the image; nothing to carry out)`);
    }
  });
  const runtime = stages.at(-1);
  if (!runtime) throw new Error('Dockerfile: no FROM');
  return { stages, runtime };
}

/**
 * The environment a build step sees: the stage's ARGs and ENVs over this machine's tools and npm settings,
 * nothing of the `npm run` that started this check.
 */
function buildEnvironment(variables: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm_|INIT_CWD$|NODE_ENV$)/.test(key)),
  );
  return { ...inherited, ...variables };
}
