import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildDockerfile } from './dockerfile';

describe('building a Dockerfile without an engine', () => {
  let repository: string;
  let work: string;

  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repository, path)), { recursive: true });
      writeFileSync(join(repository, path), text);
    }
  };
  const build = (dockerfile: string) => {
    write({ Dockerfile: dockerfile });
    return buildDockerfile(repository, join(repository, 'Dockerfile'), work, () => undefined);
  };

  beforeEach(() => {
    repository = mkdtempSync(join(tmpdir(), 'styrkedjan-dockerfile-repo-'));
    work = mkdtempSync(join(tmpdir(), 'styrkedjan-dockerfile-build-'));
    write({
      '.dockerignore': 'secret\n**/*.spec.ts\n',
      'package.json': '{}',
      'package-lock.json': '{}',
      'src/main.ts': 'main',
      'src/main.spec.ts': 'spec',
      secret: 'no',
    });
  });

  afterEach(() => {
    rmSync(repository, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('copies from the context .dockerignore lets through, runs RUN in the stage, and carries files across stages', () => {
    const { runtime } = build(`
ARG BASE=node:20-slim
FROM \${BASE} AS build
ARG GREETING=hej
WORKDIR /app
COPY package*.json ./
COPY src ./src
RUN echo "$GREETING" > greeting.txt
RUN <<EOF
echo one > heredoc.txt
echo two >> heredoc.txt
EOF

FROM \${BASE}
LABEL org.opencontainers.image.title=test
ENV NODE_ENV=production GREETING_FILE=/srv/greeting.txt
WORKDIR /srv
COPY --from=build /app/greeting.txt /app/heredoc.txt ./
COPY --from=build /app/src ./src
STOPSIGNAL SIGTERM
USER node
EXPOSE 3000 3001/tcp
HEALTHCHECK --interval=5s CMD ["node", "health.js"]
ENTRYPOINT ["node", "main.js"]
CMD ["serve"]
`);
    const image = (path: string) => join(runtime.root, 'srv', path);
    expect(readFileSync(image('greeting.txt'), 'utf8')).toBe('hej\n');
    expect(readFileSync(image('heredoc.txt'), 'utf8')).toBe('one\ntwo\n');
    expect(existsSync(image('src/main.ts'))).toBe(true);
    expect(existsSync(image('src/main.spec.ts'))).toBe(false);
    expect(runtime).toMatchObject({
      base: 'node:20-slim',
      workdir: '/srv',
      env: { NODE_ENV: 'production', GREETING_FILE: '/srv/greeting.txt' },
      user: 'node',
      exposed: [3000, 3001],
      healthcheck: ['node', 'health.js'],
      entrypoint: ['node', 'main.js'],
      cmd: ['serve'],
    });
    expect(runtime.env).not.toHaveProperty('GREETING');
  });

  it('stops where docker build would: a source the context does not send, a failing RUN', () => {
    expect(() => build('FROM node:20\nCOPY secret ./\n')).toThrow(/secret is not in the build context/);
    expect(() => build('FROM node:20\nRUN exit 3\n')).toThrow(/Dockerfile:2 RUN failed \(exit 3\)/);
  });
});
